import type { DataSource, EntityManager } from 'typeorm';
import { dialectOf } from './dialect';

// better-sqlite3 gives TypeORM a single connection: two transactions opened from two
// concurrent requests would interleave on it. Writers on SQLite therefore take turns here;
// PostgreSQL transactions each get their own pooled connection and run in parallel.
const sqliteQueues = new WeakMap<DataSource, Promise<unknown>>();

/** Runs `work` in one transaction: all of it commits or none of it does. */
export async function inTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  if (dialectOf(dataSource) === 'postgres') {
    return dataSource.transaction(work);
  }
  const previous = sqliteQueues.get(dataSource) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(() => dataSource.transaction(work));
  sqliteQueues.set(dataSource, run);
  return run;
}
