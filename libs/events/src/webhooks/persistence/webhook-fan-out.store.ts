import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EventTypeName } from '@rollcall/contracts';
import { SqlRunner, SqlStatement, inIdList, type Tx } from '@rollcall/db';

/** An endpoint locked for fan-out: where its cursor is and how far the feed goes. */
export interface FanOutPosition {
  id: string;
  organizationId: string;
  cursor: number;
  lastSequence: number;
  eventTypes: EventTypeName[] | null;
}

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

const NEW_ID = {
  postgres: `'whd_' || replace(gen_random_uuid()::text, '-', '')`,
  sqlite: `'whd_' || lower(hex(randomblob(16)))`,
};

/**
 * Fan-out: one delivery per event after the cursor, up to the bound, in one statement. The
 * subject key orders a resource's deliveries (`user:<id>`); an event without a subject id is
 * ordered with its subject type's other such events.
 */
function fanOutStatement(dialect: 'postgres' | 'sqlite', filtered: boolean): SqlStatement {
  return new SqlStatement(
    `INSERT INTO webhook_deliveries (id, endpoint_id, organization_id, event_id, event_sequence,
       event_type, subject_key, status, attempts, next_attempt_at, created_at)
     SELECT ${NEW_ID[dialect]}, ?, ev.organization_id, ev.id, ev.sequence, ev.type,
       ev.subject_type || ':' || COALESCE(ev.subject_id, '*'), 'pending', 0, ?, ?
     FROM events ev
     WHERE ev.organization_id = ? AND ev.sequence > ? AND ev.sequence <= ?
       ${filtered ? `AND ${inIdList('ev.type', dialect)}` : ''}
     ORDER BY ev.sequence`,
  );
}

/**
 * The dispatcher's fan-out: which endpoints are behind the feed, an endpoint's cursor (locked
 * while its events become deliveries), and the deliveries themselves.
 */
@Injectable()
export class WebhookFanOutStore {
  private readonly sql: SqlRunner;
  private readonly fanOutStatements: Record<'all' | 'filtered', SqlStatement>;

  constructor(dataSource: DataSource) {
    this.sql = new SqlRunner(dataSource);
    this.fanOutStatements = {
      all: fanOutStatement(this.sql.dialect, false),
      filtered: fanOutStatement(this.sql.dialect, true),
    };
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
  async lockForFanOut(tx: Tx, id: string): Promise<FanOutPosition | null> {
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
    }>(tx, statement, [id, this.sql.values.bool(true)]);
    const row = rows[0];
    if (!row) return null;
    return {
      id: row.id,
      organizationId: row.organization_id,
      cursor: Number(row.cursor),
      lastSequence: Number(row.last_sequence),
      eventTypes:
        row.event_types === null || row.event_types === undefined
          ? null
          : this.sql.values.readJson<EventTypeName[]>(row.event_types),
    };
  }

  /** Deliveries for the endpoint's events in (cursor, upTo] that its types filter keeps. */
  async fanOut(tx: Tx, endpoint: FanOutPosition, upTo: number, at: Date): Promise<void> {
    const v = this.sql.values;
    const parameters: unknown[] = [
      endpoint.id,
      v.timestamp(at),
      v.timestamp(at),
      endpoint.organizationId,
      endpoint.cursor,
      upTo,
    ];
    if (endpoint.eventTypes === null) {
      await this.sql.run(tx, this.fanOutStatements.all, parameters);
      return;
    }
    parameters.push(v.idList(endpoint.eventTypes));
    await this.sql.run(tx, this.fanOutStatements.filtered, parameters);
  }

  async advanceCursor(tx: Tx, id: string, to: number): Promise<void> {
    await this.sql.run(tx, ADVANCE, [to, id, to]);
  }
}
