import type { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';
import type { Database as SqliteDatabase } from 'better-sqlite3';
import { migrations } from './migrations';

export type SqlDialect = 'sqlite' | 'postgres';

export type DatabaseConfig =
  { dialect: 'sqlite'; file: string } | { dialect: 'postgres'; url: string; poolSize: number };

export interface DataSourceExtras {
  // TypeORM's own signature for entity lists.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities?: MixedList<Function | string | EntitySchema>;
  logging?: boolean;
}

/**
 * One place decides how Rollcall talks to its database. Migrations are committed once for
 * both dialects and run at start (see runMigrations); the schema is never synchronised from entities.
 */
export function buildDataSourceOptions(
  config: DatabaseConfig,
  extras: DataSourceExtras = {},
): DataSourceOptions {
  const common = {
    entities: extras.entities ?? [],
    logging: extras.logging ?? false,
    synchronize: false,
    migrationsRun: false,
    migrationsTableName: 'schema_migrations',
    migrations,
  };
  if (config.dialect === 'postgres') {
    return {
      ...common,
      type: 'postgres',
      url: config.url,
      extra: { max: config.poolSize },
    };
  }
  return {
    ...common,
    type: 'better-sqlite3',
    database: config.file,
    prepareDatabase: (db: SqliteDatabase) => {
      // WAL lets readers go on while one writer commits; NORMAL is durable in WAL mode
      // except for the last transactions on power loss, the usual tradeoff for an embedded DB.
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 5000');
    },
  };
}
