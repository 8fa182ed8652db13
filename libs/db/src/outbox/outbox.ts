import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { dialectOf } from '../dialect';
import { currentRequestOrigin } from '../request-origin/request-origin';
import type { Tx } from '../tx';
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
export function appendEvents(transaction: EntityManager | Tx, events: readonly NewEvent[]): void {
  const pending = pendingEvents.get(transaction as EntityManager);
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
const DRAW_SEQUENCES = `INSERT INTO event_sequences (organization_id, last_sequence) VALUES (?, ?)
   ON CONFLICT (organization_id) DO UPDATE SET last_sequence = event_sequences.last_sequence + excluded.last_sequence
   RETURNING last_sequence`;

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
  'client_ip',
] as const;

// PostgreSQL: one round trip draws the cursors and inserts every event of the organization,
// the rows travelling as one JSON array parameter (a 500-member PATCH appends 500 events).
const DRAW_AND_INSERT = new SqlStatement(
  `WITH drawn AS (${DRAW_SEQUENCES})
   INSERT INTO events (${COLUMNS.join(', ')})
   SELECT ?, drawn.last_sequence - ? + r.ordinality, r.e->>0, r.e->>1, r.e->>2, r.e->>3, r.e->>4,
          r.e->5, ?::timestamptz, ?
   FROM drawn, jsonb_array_elements(?::jsonb) WITH ORDINALITY AS r(e, ordinality)`,
);

// SQLite: the cursor draw, then one INSERT whatever the number of events, the rows travelling
// as one JSON array (SQLite parses it once per statement and reads each field with ->>).
const DRAW = new SqlStatement(DRAW_SEQUENCES);
const SQLITE_INSERT = `INSERT INTO events (${COLUMNS.join(', ')})
  SELECT ?, ? + key, value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value -> 5, ?, ?
  FROM json_each(?)`;

/**
 * `evt_` + 12 hex digits of the time in ms + 20 random hex digits. Time first, so ids that are
 * written together sit together in the unique index: random ids would dirty one index page per
 * event (a 500-member PATCH: 500 scattered pages written at commit).
 */
function eventId(now: number): string {
  return `evt_${now.toString(16).padStart(12, '0')}${randomUUID().replace(/-/g, '').slice(0, 20)}`;
}

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
  const byOrganization = new Map<string, NewEvent[]>();
  for (const event of pending) {
    const list = byOrganization.get(event.organizationId);
    if (list) list.push(event);
    else byOrganization.set(event.organizationId, [event]);
  }
  const now = new Date();
  // Read once, where the flush runs: inside the request's context when a request made the
  // change (inTransaction awaits from it), outside any for jobs and the CLI.
  const clientIp = currentRequestOrigin()?.clientIp ?? null;
  for (const organizationId of [...byOrganization.keys()].sort()) {
    const events = byOrganization.get(organizationId) ?? [];
    if (dialect === 'postgres')
      await insertPostgres(manager, organizationId, events, now, clientIp);
    else await insertSqlite(manager, organizationId, events, now, clientIp);
  }
}

async function insertPostgres(
  manager: EntityManager,
  organizationId: string,
  events: readonly NewEvent[],
  now: Date,
  clientIp: string | null,
): Promise<void> {
  const time = now.getTime();
  const rows = events.map((event) => [
    eventId(time),
    event.type,
    event.actor,
    event.subject.type,
    event.subject.id,
    event.data,
  ]);
  await manager.query(DRAW_AND_INSERT.postgres, [
    organizationId,
    events.length,
    organizationId,
    events.length,
    now.toISOString(),
    clientIp,
    JSON.stringify(rows),
  ]);
}

async function insertSqlite(
  manager: EntityManager,
  organizationId: string,
  events: readonly NewEvent[],
  now: Date,
  clientIp: string | null,
): Promise<void> {
  const drawn = (await manager.query(DRAW.sqlite, [organizationId, events.length])) as {
    last_sequence: number | string;
  }[];
  const first = Number(drawn[0]?.last_sequence) - events.length + 1;
  const time = now.getTime();
  // `data` as an object inside the row: -> hands it back as JSON text, the column's form.
  const rows = events.map((event) => [
    eventId(time),
    event.type,
    event.actor,
    event.subject.type,
    event.subject.id,
    event.data,
  ]);
  await manager.query(SQLITE_INSERT, [
    organizationId,
    first,
    sqlValues('sqlite').timestamp(now),
    clientIp,
    JSON.stringify(rows),
  ]);
}
