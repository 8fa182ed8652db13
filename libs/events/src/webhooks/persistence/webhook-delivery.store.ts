import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EventTypeName, WebhookDeliveryStatusName } from '@rollcall/contracts';
import { SqlRunner, SqlStatement, type Tx } from '@rollcall/db';
import type {
  DeliveryPosition,
  WebhookAttempt,
  WebhookDelivery,
  WebhookDeliveryDetail,
} from '../domain/webhook-delivery';
import { webhookPayload } from '../domain/webhook-payload';

export interface NewTestDelivery {
  id: string;
  endpointId: string;
  organizationId: string;
  eventId: string;
  eventType: string;
  payload: Record<string, unknown>;
  at: Date;
}

export interface DeliveryQuery {
  endpointId: string;
  status?: WebhookDeliveryStatusName;
  before?: DeliveryPosition;
  limit: number;
}

export interface DeliveryRow {
  id: string;
  endpoint_id: string;
  organization_id: string;
  event_id: string;
  event_sequence: unknown;
  event_type: string;
  status: WebhookDeliveryStatusName;
  attempts: unknown;
  next_attempt_at: unknown;
  created_at: unknown;
  completed_at: unknown;
  attempt?: unknown;
  attempted_at?: unknown;
  response_status?: unknown;
  duration_ms?: unknown;
  error?: string | null;
  response_snippet?: string | null;
}

export interface EventJoinRow {
  payload: unknown;
  ev_id: string | null;
  ev_type: string | null;
  ev_actor: string | null;
  ev_subject_type: string | null;
  ev_subject_id: string | null;
  ev_data: unknown;
  ev_created_at: unknown;
}

const DELIVERY_COLUMNS = `d.id, d.endpoint_id, d.organization_id, d.event_id, d.event_sequence,
  d.event_type, d.status, d.attempts, d.next_attempt_at, d.created_at, d.completed_at`;
const ATTEMPT_COLUMNS = `a.attempt, a.attempted_at, a.response_status, a.duration_ms, a.error,
  a.response_snippet`;
/** The event a delivery sends (none for a test delivery, or once it aged out). */
export const EVENT_JOIN = `LEFT JOIN events ev ON ev.organization_id = d.organization_id
  AND ev.sequence = d.event_sequence AND ev.id = d.event_id`;
export const EVENT_COLUMNS = `d.payload, ev.id AS ev_id, ev.type AS ev_type, ev.actor AS ev_actor,
  ev.subject_type AS ev_subject_type, ev.subject_id AS ev_subject_id, ev.data AS ev_data,
  ev.created_at AS ev_created_at`;

const INSERT_TEST = new SqlStatement(
  `INSERT INTO webhook_deliveries (id, endpoint_id, organization_id, event_id, event_sequence,
     event_type, subject_key, payload, status, attempts, next_attempt_at, created_at)
   VALUES (?, ?, ?, ?, NULL, ?, ?, ?, 'pending', 0, ?, ?)`,
);
const INSERT_RESEND = new SqlStatement(
  `INSERT INTO webhook_deliveries (id, endpoint_id, organization_id, event_id, event_sequence,
     event_type, subject_key, payload, status, attempts, next_attempt_at, created_at)
   SELECT ?, endpoint_id, organization_id, event_id, event_sequence, event_type, subject_key,
     payload, 'pending', 0, ?, ?
   FROM webhook_deliveries WHERE id = ? AND endpoint_id = ?
   RETURNING id`,
);
const FIND = new SqlStatement(
  `SELECT ${DELIVERY_COLUMNS}, ${ATTEMPT_COLUMNS}, ${EVENT_COLUMNS}
   FROM webhook_deliveries d
   LEFT JOIN webhook_attempts a ON a.delivery_id = d.id AND a.attempt = d.attempts
   ${EVENT_JOIN}
   WHERE d.id = ? AND d.endpoint_id = ?`,
);
const ATTEMPTS = new SqlStatement(
  `SELECT ${ATTEMPT_COLUMNS} FROM webhook_attempts a WHERE a.delivery_id = ? ORDER BY a.attempt`,
);
const DELETE_COMPLETED = new SqlStatement(
  `DELETE FROM webhook_deliveries WHERE status <> 'pending' AND completed_at < ?`,
);

/**
 * The SQL that reads `webhook_deliveries` and `webhook_attempts`, makes the deliveries an
 * admin asks for (a test, a resend) and purges completed ones. The fan-out makes the others
 * (WebhookFanOutStore); the dispatcher claims and records them (WebhookClaimStore).
 */
@Injectable()
export class WebhookDeliveryStore {
  private readonly sql: SqlRunner;

  constructor(dataSource: DataSource) {
    this.sql = new SqlRunner(dataSource);
  }

  async insertTest(tx: Tx, delivery: NewTestDelivery): Promise<void> {
    const v = this.sql.values;
    await this.sql.run(tx, INSERT_TEST, [
      delivery.id,
      delivery.endpointId,
      delivery.organizationId,
      delivery.eventId,
      delivery.eventType,
      // Its own subject: a test waits for nothing and holds nothing up.
      `test:${delivery.id}`,
      v.json(delivery.payload),
      v.timestamp(delivery.at),
      v.timestamp(delivery.at),
    ]);
  }

  /** A new pending delivery of what `deliveryId` delivered; false when there is none. */
  async insertResend(
    tx: Tx,
    endpointId: string,
    deliveryId: string,
    newId: string,
    at: Date,
  ): Promise<boolean> {
    const v = this.sql.values;
    const rows = await this.sql.run<{ id: string }>(tx, INSERT_RESEND, [
      newId,
      v.timestamp(at),
      v.timestamp(at),
      deliveryId,
      endpointId,
    ]);
    return rows.length > 0;
  }

  /** An endpoint's deliveries, newest first, each with its last attempt. */
  async list(query: DeliveryQuery): Promise<WebhookDelivery[]> {
    const v = this.sql.values;
    const where = ['d.endpoint_id = ?'];
    const parameters: unknown[] = [query.endpointId];
    if (query.status) {
      where.push('d.status = ?');
      parameters.push(query.status);
    }
    if (query.before) {
      where.push('(d.created_at < ? OR (d.created_at = ? AND d.id < ?))');
      const at = v.timestamp(query.before.createdAt);
      parameters.push(at, at, query.before.id);
    }
    parameters.push(query.limit);
    // Fixed columns; only which filters apply varies.
    const statement = new SqlStatement(
      `SELECT ${DELIVERY_COLUMNS}, ${ATTEMPT_COLUMNS}
       FROM webhook_deliveries d
       LEFT JOIN webhook_attempts a ON a.delivery_id = d.id AND a.attempt = d.attempts
       WHERE ${where.join(' AND ')}
       ORDER BY d.created_at DESC, d.id DESC LIMIT ?`,
    );
    const rows = await this.sql.run<DeliveryRow>(undefined, statement, parameters);
    return rows.map((row) => this.toDelivery(row));
  }

  /** A delivery of the endpoint with every attempt and its body, or null. */
  async detail(endpointId: string, deliveryId: string): Promise<WebhookDeliveryDetail | null> {
    const rows = await this.sql.run<DeliveryRow & EventJoinRow>(undefined, FIND, [
      deliveryId,
      endpointId,
    ]);
    const row = rows[0];
    if (!row) return null;
    const attempts = await this.sql.run<DeliveryRow>(undefined, ATTEMPTS, [deliveryId]);
    return {
      ...this.toDelivery(row),
      attemptsMade: attempts.flatMap((attempt) => this.attemptOf(attempt) ?? []),
      payload: this.payloadOf(row),
    };
  }

  /** Deliveries done (succeeded or failed) before `cutoff` go, with their attempts. */
  async deleteCompletedBefore(tx: Tx, cutoff: Date): Promise<void> {
    await this.sql.run(tx, DELETE_COMPLETED, [this.sql.values.timestamp(cutoff)]);
  }

  /** The body a delivery sends: its own payload (test), else its event; null once purged. */
  payloadOf(row: DeliveryRow & EventJoinRow): Record<string, unknown> | null {
    const v = this.sql.values;
    if (row.payload !== null && row.payload !== undefined) {
      return v.readJson<Record<string, unknown>>(row.payload);
    }
    if (!row.ev_id || !row.ev_type || row.ev_actor === null) return null;
    // Spread: an EventView is a plain JSON object.
    return {
      ...webhookPayload({
        organizationId: row.organization_id,
        sequence: Number(row.event_sequence),
        id: row.ev_id,
        type: row.ev_type as EventTypeName,
        actor: row.ev_actor,
        subjectType: row.ev_subject_type ?? '',
        subjectId: row.ev_subject_id,
        data: v.readJson<Record<string, unknown>>(row.ev_data),
        createdAt: v.readDate(row.ev_created_at),
      }),
    };
  }

  toDelivery(row: DeliveryRow): WebhookDelivery {
    const v = this.sql.values;
    return {
      id: row.id,
      endpointId: row.endpoint_id,
      organizationId: row.organization_id,
      eventId: row.event_id,
      eventSequence:
        row.event_sequence === null || row.event_sequence === undefined
          ? null
          : Number(row.event_sequence),
      eventType: row.event_type,
      status: row.status,
      attempts: Number(row.attempts),
      nextAttemptAt: v.readDateOrNull(row.next_attempt_at),
      createdAt: v.readDate(row.created_at),
      completedAt: v.readDateOrNull(row.completed_at),
      lastAttempt: this.attemptOf(row),
    };
  }

  private attemptOf(row: DeliveryRow): WebhookAttempt | null {
    if (row.attempt === null || row.attempt === undefined) return null;
    return {
      attempt: Number(row.attempt),
      attemptedAt: this.sql.values.readDate(row.attempted_at),
      responseStatus:
        row.response_status === null || row.response_status === undefined
          ? null
          : Number(row.response_status),
      durationMs: Number(row.duration_ms),
      error: row.error ?? null,
      responseSnippet: row.response_snippet ?? null,
    };
  }
}
