import { chmod } from 'node:fs/promises';
import type { Database } from 'better-sqlite3';
import type { DataSource } from 'typeorm';
import { dialectOf } from './dialect';

/**
 * An online, consistent copy of the SQLite database (SQLite's backup API, page by page), safe
 * while the server keeps writing: unlike copying the file, it never catches a half-written
 * page or misses what is still in the WAL. The copy is a complete database file.
 */
export async function backUpSqliteDatabase(
  dataSource: DataSource,
  destination: string,
): Promise<{ totalPages: number }> {
  if (dialectOf(dataSource) !== 'sqlite') {
    throw new Error('backUpSqliteDatabase works on SQLite only; back up PostgreSQL with pg_dump.');
  }
  const connection = (dataSource.driver as unknown as { databaseConnection: Database })
    .databaseConnection;
  const { totalPages } = await connection.backup(destination);
  // It holds password and token hashes: readable by the operator alone, like the database.
  await chmod(destination, 0o600);
  return { totalPages };
}
