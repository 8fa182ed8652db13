import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { WebhookDeliveryStatusName } from '@rollcall/contracts';
import { SqlRunner, SqlStatement, inIdList, inTransaction, type Tx } from '@rollcall/db';
import {
  EVENT_COLUMNS,
  EVENT_JOIN,
  WebhookDeliveryStore,
  type DeliveryRow,
  type EventJoinRow,
} from './webhook-delivery.store';

/** The sealed secrets that sign an endpoint's deliveries. */
export interface SealedWebhookSecrets {
  secretSealed: string;
  previousSecretSealed: string | null;
  previousSecretExpiresAt: Date | null;
}

/** A delivery this process holds the lease of, with what it takes to send it. */
export interface ClaimedDelivery {
  id: string;
  endpointId: string;
  url: string;
  eventId: string;
  eventType: string;
  /** Attempts made before this one. */
  attempts: number;
  /** The lease: the outcome is recorded only while this is still the delivery's lease. */
  leaseUntil: Date;
  /** The body; null when the event has aged out of the retention window. */
  payload: Record<string, unknown> | null;
  secrets: SealedWebhookSecrets;
}

/** What one attempt came to, and what the delivery becomes. */
export interface AttemptOutcome {
  attemptedAt: Date;
  responseStatus: number | null;
  durationMs: number;
  error: string | null;
  responseSnippet: string | null;
  status: WebhookDeliveryStatusName;
  /** When to try again (status `pending`), else null. */
  nextAttemptAt: Date | null;
}

/**
 * Due pending deliveries that nobody holds, with no earlier pending delivery of the same
 * subject on the same endpoint (a resource's events arrive in the order they happened), on
 * enabled endpoints. PostgreSQL skips rows another replica is claiming right now.
 */
function claimStatement(dialect: 'postgres' | 'sqlite'): SqlStatement {
  return new SqlStatement(
    `UPDATE webhook_deliveries SET lease_until = ?
     WHERE id IN (
       SELECT d.id FROM webhook_deliveries d
       JOIN webhook_endpoints e ON e.id = d.endpoint_id
       WHERE d.status = 'pending' AND d.next_attempt_at <= ?
         AND (d.lease_until IS NULL OR d.lease_until <= ?)
         AND e.enabled = ?
         AND NOT EXISTS (
           SELECT 1 FROM webhook_deliveries p
           WHERE p.endpoint_id = d.endpoint_id AND p.subject_key = d.subject_key
             AND p.status = 'pending' AND p.event_sequence < d.event_sequence)
       ORDER BY d.next_attempt_at, d.event_sequence
       LIMIT ?
       ${dialect === 'postgres' ? 'FOR UPDATE OF d SKIP LOCKED' : ''})
     RETURNING id`,
  );
}

function claimedStatement(dialect: 'postgres' | 'sqlite'): SqlStatement {
  return new SqlStatement(
    `SELECT d.id, d.endpoint_id, d.organization_id, d.event_id, d.event_sequence, d.event_type,
       d.attempts, e.url, e.secret_sealed, e.previous_secret_sealed,
       e.previous_secret_expires_at, ${EVENT_COLUMNS}
     FROM webhook_deliveries d
     JOIN webhook_endpoints e ON e.id = d.endpoint_id
     ${EVENT_JOIN}
     WHERE ${inIdList('d.id', dialect)}`,
  );
}

// Fenced by the lease: a worker whose lease ran out (and was taken over) records nothing.
const RECORD = new SqlStatement(
  `UPDATE webhook_deliveries SET status = ?, attempts = attempts + 1, next_attempt_at = ?,
     lease_until = NULL, completed_at = ?
   WHERE id = ? AND lease_until = ?
   RETURNING attempts`,
);
const ANY_DUE = new SqlStatement(
  `SELECT id FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= ?
     AND (lease_until IS NULL OR lease_until <= ?) LIMIT 1`,
);
const INSERT_ATTEMPT = new SqlStatement(
  `INSERT INTO webhook_attempts (delivery_id, attempt, attempted_at, response_status,
     duration_ms, error, response_snippet)
   VALUES (?, ?, ?, ?, ?, ?, ?)`,
);
const MARK_FAILING = new SqlStatement(
  `UPDATE webhook_endpoints SET failing_since = ? WHERE id = ? AND failing_since IS NULL
   RETURNING id`,
);
const CLEAR_FAILING = new SqlStatement(
  `UPDATE webhook_endpoints SET failing_since = NULL
   WHERE id = ? AND failing_since IS NOT NULL AND failing_since <= ?`,
);

/**
 * The dispatcher's SQL on `webhook_deliveries` and `webhook_attempts`: claim, then record,
 * and the endpoint's failing state that the outcome sets.
 */
@Injectable()
export class WebhookClaimStore {
  private readonly sql: SqlRunner;
  private readonly claim: SqlStatement;
  private readonly claimed: SqlStatement;

  constructor(
    private readonly dataSource: DataSource,
    private readonly deliveries: WebhookDeliveryStore,
  ) {
    this.sql = new SqlRunner(dataSource);
    this.claim = claimStatement(this.sql.dialect);
    this.claimed = claimedStatement(this.sql.dialect);
  }

  /**
   * Whether any delivery may be due: a plain read, so an idle worker polling every second
   * does not take SQLite's write lock (BEGIN IMMEDIATE) for nothing.
   */
  async anyDue(now: Date): Promise<boolean> {
    const at = this.sql.values.timestamp(now);
    const rows = await this.sql.run(undefined, ANY_DUE, [at, at]);
    return rows.length > 0;
  }

  /** Leases up to `limit` deliveries until `leaseUntil` in a short transaction of its own. */
  async claimDue(now: Date, leaseUntil: Date, limit: number): Promise<ClaimedDelivery[]> {
    const v = this.sql.values;
    const ids = await inTransaction(this.dataSource, async (manager) => {
      const rows = await this.sql.run<{ id: string }>(manager, this.claim, [
        v.timestamp(leaseUntil),
        v.timestamp(now),
        v.timestamp(now),
        v.bool(true),
        limit,
      ]);
      return rows.map((row) => row.id);
    });
    if (ids.length === 0) return [];
    const rows = await this.sql.run<
      DeliveryRow &
        EventJoinRow & {
          url: string;
          secret_sealed: string;
          previous_secret_sealed: string | null;
          previous_secret_expires_at: unknown;
        }
    >(undefined, this.claimed, [v.idList(ids)]);
    return rows.map((row) => ({
      id: row.id,
      endpointId: row.endpoint_id,
      url: row.url,
      eventId: row.event_id,
      eventType: row.event_type,
      attempts: Number(row.attempts),
      leaseUntil,
      payload: this.deliveries.payloadOf(row),
      secrets: {
        secretSealed: row.secret_sealed,
        previousSecretSealed: row.previous_secret_sealed,
        previousSecretExpiresAt: v.readDateOrNull(row.previous_secret_expires_at),
      },
    }));
  }

  /**
   * Records the attempt and the delivery's new state if this process still holds its lease;
   * returns false (and records nothing) when it does not.
   */
  async record(
    tx: Tx,
    delivery: Pick<ClaimedDelivery, 'id' | 'leaseUntil'>,
    outcome: AttemptOutcome,
  ): Promise<boolean> {
    const v = this.sql.values;
    const rows = await this.sql.run<{ attempts: unknown }>(tx, RECORD, [
      outcome.status,
      v.timestampOrNull(outcome.nextAttemptAt),
      outcome.status === 'pending' ? null : v.timestamp(new Date()),
      delivery.id,
      v.timestamp(delivery.leaseUntil),
    ]);
    const row = rows[0];
    if (!row) return false;
    await this.sql.run(tx, INSERT_ATTEMPT, [
      delivery.id,
      Number(row.attempts),
      v.timestamp(outcome.attemptedAt),
      outcome.responseStatus,
      Math.max(0, Math.round(outcome.durationMs)),
      outcome.error,
      outcome.responseSnippet,
    ]);
    return true;
  }

  /**
   * A delivery ran out of retries: the endpoint is failing (since the first such one). True
   * when this made it failing, false when it already was.
   */
  async markFailing(tx: Tx, endpointId: string, at: Date): Promise<boolean> {
    const rows = await this.sql.run(tx, MARK_FAILING, [this.sql.values.timestamp(at), endpointId]);
    return rows.length > 0;
  }

  /**
   * A delivery made at `attemptedAt` succeeded: the endpoint answers again. A failure
   * recorded after that attempt began is not undone by it.
   */
  async clearFailing(tx: Tx, endpointId: string, attemptedAt: Date): Promise<void> {
    await this.sql.run(tx, CLEAR_FAILING, [endpointId, this.sql.values.timestamp(attemptedAt)]);
  }
}
