import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EventTypeName } from '@rollcall/contracts';
import { SqlRunner, SqlStatement, appendEvents, type Tx } from '@rollcall/db';
import { webhookEventData } from '../domain/webhook-changes';
import type { WebhookEndpoint } from '../domain/webhook-endpoint';

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

/** A new signing secret; the one it replaces keeps signing until `previousUntil`. */
export interface WebhookSecretRotation {
  secretSealed: string;
  previousUntil: Date;
  at: Date;
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
// The secret being replaced becomes the previous one (SET reads the row's old values), so a
// second rotation within the overlap drops the oldest secret.
const ROTATE = new SqlStatement(
  `UPDATE webhook_endpoints SET previous_secret_sealed = secret_sealed,
     previous_secret_expires_at = ?, secret_sealed = ?, updated_at = ?
   WHERE id = ? AND organization_id = ?
   RETURNING id`,
);
const LOCK_ORGANIZATION = new SqlStatement(`SELECT pg_advisory_xact_lock(hashtext(?))`);
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

/**
 * Endpoints as the admin registers, reads, changes and deletes them (the dispatcher's cursor
 * and failing state are WebhookFanOutStore's and WebhookClaimStore's). Every change appends
 * its `webhook.*` event in the caller's transaction.
 */
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
  async lockOrganization(tx: Tx, organizationId: string): Promise<void> {
    if (this.sql.dialect !== 'postgres') return;
    await this.sql.run(tx, LOCK_ORGANIZATION, [`webhook_endpoints:${organizationId}`]);
  }

  async count(tx: Tx, organizationId: string): Promise<number> {
    const rows = await this.sql.run<{ total: unknown }>(tx, COUNT, [organizationId]);
    return this.sql.values.readCount(rows[0]?.total ?? 0);
  }

  /** Registers the endpoint and appends `webhook.created`; returns it as stored. */
  async insert(tx: Tx, endpoint: NewWebhookEndpoint, actor: string): Promise<WebhookEndpoint> {
    const v = this.sql.values;
    await this.sql.run(tx, INSERT, [
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
    const created = await this.find(endpoint.organizationId, endpoint.id, tx);
    if (!created) throw new Error('The endpoint just inserted is not found.');
    this.appendEvent(tx, 'webhook.created', created, actor);
    return created;
  }

  async list(organizationId: string): Promise<WebhookEndpoint[]> {
    const rows = await this.sql.run<EndpointRow>(undefined, LIST, [organizationId]);
    return rows.map((row) => this.toEndpoint(row));
  }

  /** An endpoint of the organization, or null (another organization's is not found). */
  async find(organizationId: string, id: string, tx?: Tx): Promise<WebhookEndpoint | null> {
    const rows = await this.sql.run<EndpointRow>(tx, FIND, [id, organizationId]);
    return rows[0] ? this.toEndpoint(rows[0]) : null;
  }

  /**
   * Applies the changes given and appends `webhook.updated` (naming the fields given); returns
   * the endpoint as changed, or null when it is not the organization's.
   */
  async update(
    tx: Tx,
    organizationId: string,
    id: string,
    changes: WebhookEndpointChanges,
    at: Date,
    actor: string,
  ): Promise<WebhookEndpoint | null> {
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
    const rows = await this.sql.run(tx, statement, [...parameters, id, organizationId]);
    if (rows.length === 0) return null;
    if (changes.enabled === true) {
      await this.sql.run(tx, ENABLE, [
        v.bool(true),
        organizationId,
        v.bool(true),
        id,
        organizationId,
      ]);
    } else if (changes.enabled === false) {
      await this.sql.run(tx, DISABLE, [v.bool(false), id, organizationId]);
    }
    const endpoint = await this.find(organizationId, id, tx);
    if (!endpoint) return null;
    this.appendEvent(tx, 'webhook.updated', endpoint, actor, {
      changed: changedFields(changes),
    });
    return endpoint;
  }

  /**
   * Deletes the endpoint (its deliveries and their attempts go with it) and appends
   * `webhook.deleted` with what it was; false when it is not the organization's.
   */
  async delete(tx: Tx, organizationId: string, id: string, actor: string): Promise<boolean> {
    const endpoint = await this.find(organizationId, id, tx);
    if (!endpoint) return false;
    const rows = await this.sql.run(tx, DELETE, [id, organizationId]);
    if (rows.length === 0) return false;
    this.appendEvent(tx, 'webhook.deleted', endpoint, actor);
    return true;
  }

  /**
   * The new secret signs from now on; the one it replaces also signs until `previousUntil`.
   * Appends `webhook.secret_rotated`; returns the endpoint, or null when it is not the
   * organization's.
   */
  async rotateSecret(
    tx: Tx,
    organizationId: string,
    id: string,
    rotation: WebhookSecretRotation,
    actor: string,
  ): Promise<WebhookEndpoint | null> {
    const v = this.sql.values;
    const rows = await this.sql.run(tx, ROTATE, [
      v.timestamp(rotation.previousUntil),
      rotation.secretSealed,
      v.timestamp(rotation.at),
      id,
      organizationId,
    ]);
    if (rows.length === 0) return null;
    const endpoint = await this.find(organizationId, id, tx);
    if (!endpoint) return null;
    this.appendEvent(tx, 'webhook.secret_rotated', endpoint, actor, {
      previousSecretExpiresAt: rotation.previousUntil.toISOString(),
    });
    return endpoint;
  }

  /**
   * The endpoint's `webhook.*` event: the endpoint as it now is (as it was, for a deletion),
   * never its secret, and what else the change carries.
   */
  private appendEvent(
    tx: Tx,
    type: 'webhook.created' | 'webhook.updated' | 'webhook.deleted' | 'webhook.secret_rotated',
    endpoint: WebhookEndpoint,
    actor: string,
    data: Record<string, unknown> = {},
  ): void {
    appendEvents(tx, [
      {
        organizationId: endpoint.organizationId,
        type,
        actor,
        subject: { type: 'webhook', id: endpoint.id },
        data: { webhook: webhookEventData(endpoint), ...data },
      },
    ]);
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

/** The fields a change names on its `webhook.updated` event, in the API's words. */
function changedFields(changes: WebhookEndpointChanges): string[] {
  return [
    ...(changes.url !== undefined ? ['url'] : []),
    ...(changes.eventTypes !== undefined ? ['events'] : []),
    ...(changes.description !== undefined ? ['description'] : []),
    ...(changes.enabled !== undefined ? ['enabled'] : []),
  ];
}
