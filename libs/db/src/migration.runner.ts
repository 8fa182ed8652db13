import type { DataSource } from 'typeorm';
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
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const ran = await dataSource.runMigrations({ transaction: 'all' });
    return ran.map((m) => m.name);
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lock.release();
  }
}
