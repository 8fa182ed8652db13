import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { dialectOf } from '../dialect';
import { SqlStatement } from '../sql/sql-statement';
import { sqlValues } from '../sql/sql-values';

/** What a change records about itself; the outbox adds the id, the sequence and the time. */
export interface NewEvent {
  organizationId: string;
  type: string;
  /** `<kind>:<name>`, see `EventActor` in contracts. */
  actor: string;
  /** What the event is about; a subject's events are delivered in the order they happened. */
  subject: { type: string; id: string | null };
  data: Record<string, unknown>;
}

/**
 * Events appended inside a transaction, per transaction manager. `inTransaction` opens the
 * list before its work runs and writes it out as the work's last statements, so events
 * commit or roll back with the change that made them.
 */
const pendingEvents = new WeakMap<EntityManager, NewEvent[]>();

/**
 * Records events for the change being made in `manager`'s transaction. Only a manager handed
 * out by `inTransaction` takes events: anything else would write them outside the change's
 * transaction, which is the bug the outbox exists to rule out, so it throws.
 */
export function appendEvents(manager: EntityManager, events: readonly NewEvent[]): void {
  const pending = pendingEvents.get(manager);
  if (!pending) {
    throw new Error('Events are appended in the transaction of their change: use inTransaction().');
  }
  for (const event of events) pending.push(event);
}

/** Opens the event list of a transaction (called by `inTransaction`). */
export function openOutbox(manager: EntityManager): void {
  pendingEvents.set(manager, []);
}

// The organization's cursor row is locked from here until COMMIT (see the events migration).
const drawSequences = new SqlStatement(
  `INSERT INTO event_sequences (organization_id, last_sequence) VALUES (?, ?)
   ON CONFLICT (organization_id) DO UPDATE SET last_sequence = event_sequences.last_sequence + excluded.last_sequence
   RETURNING last_sequence`,
);

const COLUMNS = [
  'organization_id',
  'sequence',
  'id',
  'type',
  'actor',
  'subject_type',
  'subject_id',
  'data',
  'created_at',
] as const;
const POSTGRES_TYPES = [
  'text',
  'bigint',
  'text',
  'text',
  'text',
  'text',
  'text',
  'jsonb',
  'timestamptz',
];

// One statement per batch whatever its size (a 500-member PATCH appends 500 events): the
// rows travel as one JSON array parameter.
const insertEvents = {
  postgres: new SqlStatement(
    `INSERT INTO events (${COLUMNS.join(', ')}) SELECT ${POSTGRES_TYPES.map((type, i) => `(r->>${i})::${type}`).join(', ')} FROM jsonb_array_elements(?::jsonb) AS r`,
  ),
  sqlite: new SqlStatement(
    `INSERT INTO events (${COLUMNS.join(', ')}) SELECT ${COLUMNS.map((_, i) => `json_extract(value, '$[${i}]')`).join(', ')} FROM json_each(?)`,
  ),
};

/**
 * Writes the transaction's events: per organization (in a fixed order, so two transactions
 * never wait on each other's cursors crosswise), one statement draws the sequences and one
 * inserts the rows. Called by `inTransaction` right before COMMIT.
 */
export async function flushOutbox(manager: EntityManager): Promise<void> {
  const pending = pendingEvents.get(manager);
  pendingEvents.delete(manager);
  if (!pending || pending.length === 0) return;
  const dialect = dialectOf(manager.connection);
  const values = sqlValues(dialect);
  const byOrganization = new Map<string, NewEvent[]>();
  for (const event of pending) {
    const list = byOrganization.get(event.organizationId);
    if (list) list.push(event);
    else byOrganization.set(event.organizationId, [event]);
  }
  const now = new Date();
  const createdAt = dialect === 'postgres' ? now.toISOString() : values.timestamp(now);
  for (const organizationId of [...byOrganization.keys()].sort()) {
    const events = byOrganization.get(organizationId) ?? [];
    const drawn = (await manager.query(drawSequences.text(dialect), [
      organizationId,
      events.length,
    ])) as { last_sequence: string | number }[];
    const first = Number(drawn[0]?.last_sequence) - events.length + 1;
    const rows = events.map((event, index) => [
      organizationId,
      first + index,
      `evt_${randomUUID().replace(/-/g, '')}`,
      event.type,
      event.actor,
      event.subject.type,
      event.subject.id,
      dialect === 'postgres' ? event.data : JSON.stringify(event.data),
      createdAt,
    ]);
    await manager.query(insertEvents[dialect].text(dialect), [JSON.stringify(rows)]);
  }
}
