import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { databaseUnavailability } from './database-unavailable';
import { dialectOf } from './dialect';
import { flushOutbox, openOutbox } from './outbox/outbox';

// better-sqlite3 gives TypeORM a single connection: two transactions opened from two
// concurrent requests would interleave on it. Writers on SQLite therefore take turns here;
// PostgreSQL transactions each get their own pooled connection and run in parallel.
const sqliteQueues = new WeakMap<DataSource, Promise<unknown>>();

/**
 * How long a SQLite write waits, from the moment it is asked for, for another process (a
 * backup, the CLI, another worker) to release the database's write lock before it is
 * answered "busy" (a 503 with Retry-After at the edges).
 */
export const SQLITE_WRITE_LOCK_WAIT_MS = 4000;

/**
 * Runs `work` in one transaction: all of it commits or none of it does, together with the
 * events it appended (`appendEvents`), which are written as its last statements.
 */
export async function inTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  if (dialectOf(dataSource) === 'postgres') {
    return dataSource.transaction(async (manager) => {
      openOutbox(manager);
      const result = await work(manager);
      await flushOutbox(manager);
      return result;
    });
  }
  const deadline = Date.now() + SQLITE_WRITE_LOCK_WAIT_MS;
  const previous = sqliteQueues.get(dataSource) ?? Promise.resolve();
  const run = previous
    .catch(() => undefined)
    .then(() => inSqliteWriteTransaction(dataSource, work, deadline));
  sqliteQueues.set(dataSource, run);
  return run;
}

/**
 * BEGIN IMMEDIATE takes the write lock up front: a deferred BEGIN would only find out at its
 * first write that another process holds it, and could then not wait for it without giving
 * up what it had read. The driver's busy_timeout is kept short (it blocks the event loop);
 * the waiting happens here, asynchronously, so reads and /health go on meanwhile.
 */
async function inSqliteWriteTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
  deadline: number,
): Promise<T> {
  const runner = dataSource.createQueryRunner();
  try {
    await beginImmediate(runner, deadline);
    // TypeORM must see this runner as inside a transaction, so that saves made through its
    // manager join it instead of opening their own, and commit/rollback below apply to it.
    Object.assign(runner, { isTransactionActive: true, transactionDepth: 1 });
    try {
      openOutbox(runner.manager);
      const result = await work(runner.manager);
      await flushOutbox(runner.manager);
      await runner.commitTransaction();
      return result;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    }
  } finally {
    await runner.release();
  }
}

async function beginImmediate(runner: QueryRunner, deadline: number): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      await runner.query('BEGIN IMMEDIATE');
      return;
    } catch (error) {
      const left = deadline - Date.now();
      if (databaseUnavailability(error) !== 'busy' || left <= 0) throw error;
      await new Promise((resolve) =>
        setTimeout(resolve, Math.min(left, 10 * 2 ** Math.min(attempt, 5))),
      );
    }
  }
}
