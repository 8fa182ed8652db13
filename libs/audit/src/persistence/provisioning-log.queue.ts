import { DataSource } from 'typeorm';
import { SqlStatement, dialectOf, inTransaction, sqlValues, type SqlDialect } from '@rollcall/db';
import type { ProvisioningLogEntry } from '../domain/provisioning-log-entry';
import { failureName, isDatabaseUnavailable } from './database-unavailability';

export interface ProvisioningLogQueueOptions {
  /** Written as one multi-row insert. */
  batchSize: number;
  /** How long an entry may wait for company before it is written. */
  flushIntervalMs: number;
  /** While the database is down, the newest entries are kept rather than all memory. */
  maxQueued: number;
  /** The same bound in characters of text held (bodies are up to 16 KB each). */
  maxQueuedChars: number;
  /** First wait after the database failed; doubles on each failure up to retryMaxMs. */
  retryBaseMs: number;
  retryMaxMs: number;
  /** One short line per event; never a row, a body or a batch. */
  warn: (line: string) => void;
}

export const DEFAULT_QUEUE_OPTIONS: Omit<ProvisioningLogQueueOptions, 'warn'> = {
  batchSize: 200,
  flushIntervalMs: 250,
  maxQueued: 20_000,
  maxQueuedChars: 32 * 1024 * 1024,
  retryBaseMs: 1_000,
  retryMaxMs: 30_000,
};

/** Columns in the order each entry's JSON array carries them; casts for PostgreSQL. */
const COLUMNS: readonly (readonly [string, string])[] = [
  ['id', 'text'],
  ['organization_id', 'text'],
  ['token_prefix', 'text'],
  ['request_id', 'text'],
  ['method', 'text'],
  ['path', 'text'],
  ['filter', 'text'],
  ['status', 'integer'],
  ['scim_type', 'text'],
  ['detail', 'text'],
  ['resource_type', 'text'],
  ['resource_id', 'text'],
  ['duration_ms', 'integer'],
  ['request_body', 'text'],
  ['created_at', 'timestamptz'],
];

/**
 * A whole batch in one statement of fixed text: the rows travel as one JSON array parameter
 * (an array per row) and the database unpacks them, so no SQL is built per batch.
 */
function batchInsert(dialect: SqlDialect): string {
  const names = COLUMNS.map(([name]) => name).join(', ');
  const statement =
    dialect === 'postgres'
      ? `INSERT INTO provisioning_log (${names}) SELECT ${COLUMNS.map(([, type], i) => `(r->>${i})::${type}`).join(', ')} FROM jsonb_array_elements(?::jsonb) AS r`
      : `INSERT INTO provisioning_log (${names}) SELECT ${COLUMNS.map((_, i) => `json_extract(value, '$[${i}]')`).join(', ')} FROM json_each(?)`;
  return new SqlStatement(statement).text(dialect);
}

/** What the queue has done since start, for /metrics. */
export interface ProvisioningLogQueueStats {
  written: number;
  droppedPoison: number;
  droppedOverflow: number;
  queued: number;
}

/**
 * The provisioning log's write-behind buffer. Two kinds of failure are told apart: a row the
 * database refuses (it would be refused forever, so the batch is retried row by row and
 * only that row is dropped) and a database that cannot serve (every row is kept and retried
 * with backoff; past `maxQueued` the oldest go). Either way every drop is counted.
 */
export class ProvisioningLogQueue {
  private queue: ProvisioningLogEntry[] = [];
  private inFlight = 0;
  private queuedChars = 0;
  private inFlightChars = 0;
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();
  private pendingFlushes = 0;
  private consecutiveOutages = 0;
  private written = 0;
  private droppedPoison = 0;
  private droppedOverflow = 0;
  private overflowSinceWarning = 0;
  private readonly insertSql: string;
  private readonly timestamp: (value: Date) => unknown;

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: ProvisioningLogQueueOptions,
  ) {
    const dialect = dialectOf(dataSource);
    this.insertSql = batchInsert(dialect);
    // In JSON a Date becomes its ISO text: PostgreSQL reads that; SQLite keeps its own format.
    this.timestamp = sqlValues(dialect).timestamp;
  }

  stats(): ProvisioningLogQueueStats {
    return {
      written: this.written,
      droppedPoison: this.droppedPoison,
      droppedOverflow: this.droppedOverflow,
      queued: this.queue.length + this.inFlight,
    };
  }

  enqueue(entry: ProvisioningLogEntry): void {
    this.queue.push(entry);
    this.queuedChars += charsOf(entry);
    this.enforceBound();
    // While the database is down the backoff timer decides when to try again; while a flush
    // is under way it takes what arrives meanwhile (one write at a time, not one per request).
    if (this.consecutiveOutages > 0 || this.pendingFlushes > 0) return;
    if (this.queue.length >= this.options.batchSize) void this.flush();
    else this.schedule(this.options.flushIntervalMs);
  }

  /** Writes everything queued so far; resolves once written, dropped, or the database failed. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pendingFlushes += 1;
    this.flushing = this.flushing
      .then(() => this.drain())
      .finally(() => (this.pendingFlushes -= 1));
    return this.flushing;
  }

  /** Flushes, but gives up waiting after `ms`; resolves with the entries left unwritten. */
  async flushWithin(ms: number): Promise<number> {
    let deadline: NodeJS.Timeout | undefined;
    await Promise.race([
      this.flush(),
      new Promise<void>((done) => (deadline = setTimeout(done, ms))),
    ]);
    clearTimeout(deadline);
    return this.queue.length + this.inFlight;
  }

  private schedule(ms: number): void {
    this.timer ??= setTimeout(() => void this.flush(), ms).unref();
  }

  private enforceBound(): void {
    let entries = this.queue.length + this.inFlight;
    let chars = this.queuedChars + this.inFlightChars;
    let dropped = 0;
    while (
      dropped < this.queue.length &&
      (entries > this.options.maxQueued || chars > this.options.maxQueuedChars)
    ) {
      const oldest = this.queue[dropped];
      if (!oldest) break;
      chars -= charsOf(oldest);
      entries -= 1;
      dropped += 1;
    }
    if (dropped === 0) return;
    this.queue.splice(0, dropped);
    this.queuedChars = chars - this.inFlightChars;
    this.droppedOverflow += dropped;
    this.overflowSinceWarning += dropped;
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.options.batchSize);
      this.inFlight = batch.length;
      this.inFlightChars = batch.reduce((sum, entry) => sum + charsOf(entry), 0);
      this.queuedChars -= this.inFlightChars;
      let unwritten: ProvisioningLogEntry[];
      try {
        unwritten = await this.write(batch);
      } catch (error) {
        // Nothing here may reject: flush() runs from timers with no one to catch it.
        this.options.warn(`Provisioning log: write failed (${failureName(error)})`);
        unwritten = batch;
      } finally {
        this.inFlight = 0;
        this.inFlightChars = 0;
      }
      if (unwritten.length > 0) {
        this.queue.unshift(...unwritten);
        this.queuedChars += unwritten.reduce((sum, entry) => sum + charsOf(entry), 0);
        this.enforceBound();
        return;
      }
    }
  }

  /** Resolves with the rows still to write (non-empty only when the database is down). */
  private async write(batch: ProvisioningLogEntry[]): Promise<ProvisioningLogEntry[]> {
    try {
      await this.insert(batch);
      this.written += batch.length;
      this.recovered();
      return [];
    } catch (error) {
      if (isDatabaseUnavailable(error)) return this.unavailable(error, batch);
    }
    // The database refused the batch: find the row(s) it refuses and write the others.
    let refused = 0;
    let refusal: string | undefined;
    for (const [index, row] of batch.entries()) {
      try {
        await this.insert([row]);
        this.written += 1;
      } catch (error) {
        if (isDatabaseUnavailable(error)) return this.unavailable(error, batch.slice(index));
        refused += 1;
        this.droppedPoison += 1;
        refusal ??= failureName(error);
      }
    }
    this.recovered();
    if (refused > 0) {
      this.options.warn(
        `Provisioning log: dropped ${refused} of ${batch.length} entries the database refused (${refusal ?? 'unknown'}); ${this.droppedPoison} dropped so far`,
      );
    }
    return [];
  }

  private insert(rows: ProvisioningLogEntry[]): Promise<unknown> {
    const batch = JSON.stringify(rows.map((row) => this.columns(row)));
    return inTransaction(this.dataSource, (manager) => manager.query(this.insertSql, [batch]));
  }

  private columns(row: ProvisioningLogEntry): unknown[] {
    return [
      row.id,
      row.organizationId,
      row.tokenPrefix,
      row.requestId,
      row.method,
      row.path,
      row.filter,
      row.status,
      row.scimType,
      row.detail,
      row.resourceType,
      row.resourceId,
      row.durationMs,
      row.requestBody,
      this.timestamp(row.createdAt),
    ];
  }

  private unavailable(error: unknown, unwritten: ProvisioningLogEntry[]): ProvisioningLogEntry[] {
    this.consecutiveOutages += 1;
    const delay = Math.min(
      this.options.retryMaxMs,
      this.options.retryBaseMs * 2 ** Math.min(this.consecutiveOutages - 1, 20),
    );
    const queued = this.queue.length + unwritten.length;
    const overflow =
      this.overflowSinceWarning > 0 ? `, ${this.overflowSinceWarning} oldest dropped` : '';
    this.overflowSinceWarning = 0;
    this.options.warn(
      `Provisioning log: database unavailable (${failureName(error)}); ${queued} entries queued${overflow}, retrying in ${delay} ms`,
    );
    clearTimeout(this.timer);
    this.timer = undefined;
    this.schedule(delay);
    return unwritten;
  }

  private recovered(): void {
    if (this.consecutiveOutages === 0) return;
    this.consecutiveOutages = 0;
    const overflow = this.overflowSinceWarning;
    this.overflowSinceWarning = 0;
    this.options.warn(
      `Provisioning log: database back, writing ${this.queue.length} queued entries${overflow > 0 ? ` (${overflow} oldest were dropped)` : ''}`,
    );
  }
}

/** Roughly what an entry holds in memory: its texts, plus the fixed fields. */
function charsOf(entry: ProvisioningLogEntry): number {
  return (
    256 +
    entry.path.length +
    (entry.filter?.length ?? 0) +
    (entry.detail?.length ?? 0) +
    (entry.requestBody?.length ?? 0)
  );
}
