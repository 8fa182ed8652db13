import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { EventTypeName } from '@rollcall/contracts';
import { SqlRunner, SqlStatement } from '@rollcall/db';
import type { WebhookEndpoint } from '../domain/webhook-endpoint';
import { changedRows } from './changed-rows';

export interface NewWebhookEndpoint {
  id: string;
  organizationId: string;
  url: string;
  description: string | null;
  eventTypes: EventTypeName[] | null;
  secretSealed: string;
  at: Date;
}

export interface WebhookEndpointChanges {
  url?: string;
  description?: string | null;
  eventTypes?: EventTypeName[] | null;
  enabled?: boolean;
}

/** The sealed secrets that sign an endpoint's deliveries. */
export interface SealedWebhookSecrets {
  secretSealed: string;
  previousSecretSealed: string | null;
  previousSecretExpiresAt: Date | null;
}

/** An endpoint locked for fan-out: where its cursor is and how far the feed goes. */
export interface FanOutPosition {
  id: string;
  organizationId: string;
  cursor: number;
  lastSequence: number;
  eventTypes: EventTypeName[] | null;
}

interface EndpointRow {
  id: string;
  organization_id: string;
  url: string;
  description: string | null;
  event_types: unknown;
  enabled: unknown;
  failing_since: unknown;
  created_at: unknown;
  updated_at: unknown;
  pending: unknown;
}

const SELECT = `SELECT e.id, e.organization_id, e.url, e.description, e.event_types, e.enabled,
    e.failing_since, e.created_at, e.updated_at,
    (SELECT COUNT(*) FROM webhook_deliveries d
      WHERE d.endpoint_id = e.id AND d.status = 'pending') AS pending
  FROM webhook_endpoints e`;

const LAST_SEQUENCE = `COALESCE((SELECT last_sequence FROM event_sequences
  WHERE organization_id = ?), 0)`;

// A new endpoint hears what happens from now on: its cursor starts at the feed's end.
const INSERT = new SqlStatement(
  `INSERT INTO webhook_endpoints (id, organization_id, url, description, event_types,
     secret_sealed, enabled, cursor, created_at, updated_at)
   SELECT ?, ?, ?, ?, ?, ?, ?, ${LAST_SEQUENCE}, ?, ?`,
);
const LIST = new SqlStatement(`${SELECT} WHERE e.organization_id = ? ORDER BY e.created_at, e.id`);
const FIND = new SqlStatement(`${SELECT} WHERE e.id = ? AND e.organization_id = ?`);
const COUNT = new SqlStatement(
  `SELECT COUNT(*) AS total FROM webhook_endpoints WHERE organization_id = ?`,
);
const SECRETS = new SqlStatement(
  `SELECT secret_sealed, previous_secret_sealed, previous_secret_expires_at
   FROM webhook_endpoints WHERE id = ?`,
);
const ROTATE = new SqlStatement(
  `UPDATE webhook_endpoints SET previous_secret_sealed = ?, previous_secret_expires_at = ?,
     secret_sealed = ?, updated_at = ?
   WHERE id = ? AND organization_id = ?`,
);
const DELETE = new SqlStatement(
  `DELETE FROM webhook_endpoints WHERE id = ? AND organization_id = ? RETURNING id`,
);
// Enabling clears `failing`; an endpoint that was disabled starts, like a new one, from the
// feed's end: what happened while it was off is not sent. (SET reads the row's old values.)
const ENABLE = new SqlStatement(
  `UPDATE webhook_endpoints SET failing_since = NULL,
     cursor = CASE WHEN enabled = ? THEN cursor ELSE ${LAST_SEQUENCE} END, enabled = ?
   WHERE id = ? AND organization_id = ?`,
);
const DISABLE = new SqlStatement(
  `UPDATE webhook_endpoints SET enabled = ? WHERE id = ? AND organization_id = ?`,
);
const BEHIND = new SqlStatement(
  `SELECT e.id FROM webhook_endpoints e
   JOIN event_sequences s ON s.organization_id = e.organization_id
   WHERE e.enabled = ? AND e.cursor < s.last_sequence
   ORDER BY e.id LIMIT ?`,
);
const LOCK_FOR_FAN_OUT = new SqlStatement(
  `SELECT e.id, e.organization_id, e.cursor, e.event_types,
     COALESCE(s.last_sequence, 0) AS last_sequence
   FROM webhook_endpoints e
   LEFT JOIN event_sequences s ON s.organization_id = e.organization_id
   WHERE e.id = ? AND e.enabled = ?`,
);
const ADVANCE = new SqlStatement(
  `UPDATE webhook_endpoints SET cursor = ? WHERE id = ? AND cursor < ?`,
);
const MARK_FAILING = new SqlStatement(
  `UPDATE webhook_endpoints SET failing_since = ? WHERE id = ? AND failing_since IS NULL`,
);
const CLEAR_FAILING = new SqlStatement(
  `UPDATE webhook_endpoints SET failing_since = NULL
   WHERE id = ? AND failing_since IS NOT NULL AND failing_since <= ?`,
);

/** All SQL on `webhook_endpoints`. */
@Injectable()
export class WebhookEndpointStore {
  private readonly sql: SqlRunner;

  constructor(dataSource: DataSource) {
    this.sql = new SqlRunner(dataSource);
  }

  /**
   * Serialises changes to an organization's set of endpoints (the limit is counted, then an
   * endpoint inserted). SQLite writers take turns anyway; PostgreSQL takes a transaction-level
   * advisory lock, so no other feature's row is locked for it.
   */
  async lockOrganization(manager: EntityManager, organizationId: string): Promise<void> {
    if (this.sql.dialect !== 'postgres') return;
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [
      `webhook_endpoints:${organizationId}`,
    ]);
  }

  async count(manager: EntityManager, organizationId: string): Promise<number> {
    const rows = await this.sql.run<{ total: unknown }>(manager, COUNT, [organizationId]);
    return this.sql.values.readCount(rows[0]?.total ?? 0);
  }

  async insert(manager: EntityManager, endpoint: NewWebhookEndpoint): Promise<void> {
    const v = this.sql.values;
    await this.sql.run(manager, INSERT, [
      endpoint.id,
      endpoint.organizationId,
      endpoint.url,
      endpoint.description,
      endpoint.eventTypes === null ? null : v.json(endpoint.eventTypes),
      endpoint.secretSealed,
      v.bool(true),
      endpoint.organizationId,
      v.timestamp(endpoint.at),
      v.timestamp(endpoint.at),
    ]);
  }

  async list(organizationId: string): Promise<WebhookEndpoint[]> {
    const rows = await this.sql.run<EndpointRow>(undefined, LIST, [organizationId]);
    return rows.map((row) => this.toEndpoint(row));
  }

  /** An endpoint of the organization, or null (another organization's is not found). */
  async find(
    organizationId: string,
    id: string,
    manager?: EntityManager,
  ): Promise<WebhookEndpoint | null> {
    const rows = await this.sql.run<EndpointRow>(manager, FIND, [id, organizationId]);
    return rows[0] ? this.toEndpoint(rows[0]) : null;
  }

  /** Applies the changes given; returns false when the endpoint is not the organization's. */
  async update(
    manager: EntityManager,
    organizationId: string,
    id: string,
    changes: WebhookEndpointChanges,
    at: Date,
  ): Promise<boolean> {
    const v = this.sql.values;
    const assignments = ['updated_at = ?'];
    const parameters: unknown[] = [v.timestamp(at)];
    if (changes.url !== undefined) {
      assignments.push('url = ?');
      parameters.push(changes.url);
    }
    if (changes.description !== undefined) {
      assignments.push('description = ?');
      parameters.push(changes.description);
    }
    if (changes.eventTypes !== undefined) {
      assignments.push('event_types = ?');
      parameters.push(changes.eventTypes === null ? null : v.json(changes.eventTypes));
    }
    // Fixed columns, only the set of them varies: a statement per shape of change.
    const statement = new SqlStatement(
      `UPDATE webhook_endpoints SET ${assignments.join(', ')} WHERE id = ? AND organization_id = ? RETURNING id`,
    );
    const rows = await changedRows(this.sql, manager, statement, [
      ...parameters,
      id,
      organizationId,
    ]);
    if (rows.length === 0) return false;
    if (changes.enabled === true) {
      await this.sql.run(manager, ENABLE, [
        v.bool(true),
        organizationId,
        v.bool(true),
        id,
        organizationId,
      ]);
    } else if (changes.enabled === false) {
      await this.sql.run(manager, DISABLE, [v.bool(false), id, organizationId]);
    }
    return true;
  }

  async delete(manager: EntityManager, organizationId: string, id: string): Promise<boolean> {
    const rows = await changedRows(this.sql, manager, DELETE, [id, organizationId]);
    return rows.length > 0;
  }

  async secrets(id: string, manager?: EntityManager): Promise<SealedWebhookSecrets | null> {
    const rows = await this.sql.run<{
      secret_sealed: string;
      previous_secret_sealed: string | null;
      previous_secret_expires_at: unknown;
    }>(manager, SECRETS, [id]);
    const row = rows[0];
    if (!row) return null;
    return {
      secretSealed: row.secret_sealed,
      previousSecretSealed: row.previous_secret_sealed,
      previousSecretExpiresAt: this.sql.values.readDateOrNull(row.previous_secret_expires_at),
    };
  }

  /** The new secret signs from now on; the one it replaces also signs until `previousUntil`. */
  async rotateSecret(
    manager: EntityManager,
    organizationId: string,
    id: string,
    rotation: { secretSealed: string; previousSecretSealed: string; previousUntil: Date; at: Date },
  ): Promise<void> {
    const v = this.sql.values;
    await this.sql.run(manager, ROTATE, [
      rotation.previousSecretSealed,
      v.timestamp(rotation.previousUntil),
      rotation.secretSealed,
      v.timestamp(rotation.at),
      id,
      organizationId,
    ]);
  }

  /** Enabled endpoints whose organization has events past their cursor. */
  async behind(limit: number): Promise<string[]> {
    const rows = await this.sql.run<{ id: string }>(undefined, BEHIND, [
      this.sql.values.bool(true),
      limit,
    ]);
    return rows.map((row) => row.id);
  }

  /**
   * Locks an enabled endpoint's row for its fan-out, or null when it is disabled, gone, or
   * (PostgreSQL) another replica is fanning it out right now: that one will do it.
   */
  async lockForFanOut(manager: EntityManager, id: string): Promise<FanOutPosition | null> {
    const statement =
      this.sql.dialect === 'postgres'
        ? LOCK_FOR_FAN_OUT.append('FOR UPDATE OF e SKIP LOCKED')
        : LOCK_FOR_FAN_OUT;
    const rows = await this.sql.run<{
      id: string;
      organization_id: string;
      cursor: unknown;
      event_types: unknown;
      last_sequence: unknown;
    }>(manager, statement, [id, this.sql.values.bool(true)]);
    const row = rows[0];
    if (!row) return null;
    return {
      id: row.id,
      organizationId: row.organization_id,
      cursor: Number(row.cursor),
      lastSequence: Number(row.last_sequence),
      eventTypes: this.eventTypesOf(row.event_types),
    };
  }

  async advanceCursor(manager: EntityManager, id: string, to: number): Promise<void> {
    await this.sql.run(manager, ADVANCE, [to, id, to]);
  }

  /** A delivery ran out of retries: the endpoint is failing (since the first such one). */
  async markFailing(manager: EntityManager, id: string, at: Date): Promise<void> {
    await this.sql.run(manager, MARK_FAILING, [this.sql.values.timestamp(at), id]);
  }

  /**
   * A delivery made at `attemptedAt` succeeded: the endpoint answers again. A failure
   * recorded after that attempt began is not undone by it.
   */
  async clearFailing(manager: EntityManager, id: string, attemptedAt: Date): Promise<void> {
    await this.sql.run(manager, CLEAR_FAILING, [id, this.sql.values.timestamp(attemptedAt)]);
  }

  private eventTypesOf(value: unknown): EventTypeName[] | null {
    return value === null || value === undefined
      ? null
      : this.sql.values.readJson<EventTypeName[]>(value);
  }

  private toEndpoint(row: EndpointRow): WebhookEndpoint {
    const v = this.sql.values;
    return {
      id: row.id,
      organizationId: row.organization_id,
      url: row.url,
      description: row.description,
      eventTypes: this.eventTypesOf(row.event_types),
      enabled: v.readBool(row.enabled),
      failingSince: v.readDateOrNull(row.failing_since),
      createdAt: v.readDate(row.created_at),
      updatedAt: v.readDate(row.updated_at),
      pendingDeliveries: v.readCount(row.pending ?? 0),
    };
  }
}
