import { MigrationExecutor, type DataSource } from 'typeorm';
import { dialectOf } from './dialect';

// Any constant works; it only has to be the same in every replica.
const MIGRATION_LOCK_KEY = 72_461_001;

/**
 * Runs pending migrations in one transaction. On PostgreSQL an advisory lock makes replicas
 * that start together take turns, so the second one finds nothing left to do.
 */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  if (dialectOf(dataSource) !== 'postgres') {
    const ran = await dataSource.runMigrations({ transaction: 'all' });
    return ran.map((m) => m.name);
  }
  const lock = dataSource.createQueryRunner();
  try {
    // The pool's statement and lock timeouts are for requests: a migration of a large table,
    // or a replica waiting for another's migration, may take longer. This connection only.
    await lock.query('SET statement_timeout = 0');
    await lock.query('SET lock_timeout = 0');
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const executor = new MigrationExecutor(dataSource, lock);
    executor.transaction = 'all';
    const ran = await executor.executePendingMigrations();
    return ran.map((m) => m.name);
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    // Back to the pool's defaults before the connection serves requests.
    await lock.query('RESET statement_timeout').catch(() => undefined);
    await lock.query('RESET lock_timeout').catch(() => undefined);
    await lock.release();
  }
}
