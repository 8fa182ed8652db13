import type { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';
import type { Database as SqliteDatabase } from 'better-sqlite3';
import { migrations } from './migrations';
import { ParameterFreeLogger } from './typeorm.logger';

export type SqlDialect = 'sqlite' | 'postgres';

export type DatabaseConfig = { dialect: 'sqlite'; file: string } | PostgresConfig;

export interface PostgresConfig {
  dialect: 'postgres';
  url: string;
  poolSize: number;
  /** Server-side cap on one statement (statement_timeout). */
  statementTimeoutMs?: number;
  /** Server-side cap on waiting for a row or table lock (lock_timeout). */
  lockTimeoutMs?: number;
  /** Cap on getting a connection: from the pool when all are busy, or a new one. */
  acquireTimeoutMs?: number;
}

export const POSTGRES_DEFAULTS = {
  statementTimeoutMs: 10_000,
  lockTimeoutMs: 5_000,
  acquireTimeoutMs: 5_000,
} as const;

/**
 * SQLite's own busy wait is synchronous and freezes the event loop, so it stays short; the
 * real waiting for another process's write lock is done asynchronously by inTransaction.
 */
const SQLITE_BUSY_TIMEOUT_MS = 25;

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
    // Off by default; when on, statements are logged without their parameters.
    ...(extras.logging ? { logger: new ParameterFreeLogger() } : {}),
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
      extra: postgresPoolOptions(config),
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
      db.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
    },
  };
}

/**
 * node-postgres pool settings. The timeouts make database trouble fail fast (and answer 503)
 * instead of holding requests until a client or load balancer gives up.
 */
function postgresPoolOptions(config: PostgresConfig): Record<string, unknown> {
  const statementTimeoutMs = config.statementTimeoutMs ?? POSTGRES_DEFAULTS.statementTimeoutMs;
  return {
    max: config.poolSize,
    connectionTimeoutMillis: config.acquireTimeoutMs ?? POSTGRES_DEFAULTS.acquireTimeoutMs,
    statement_timeout: statementTimeoutMs,
    lock_timeout: config.lockTimeoutMs ?? POSTGRES_DEFAULTS.lockTimeoutMs,
    // A server that stops answering without closing the socket (a dead network path) is
    // noticed by the client too, shortly after the server would have cancelled the statement.
    query_timeout: statementTimeoutMs + 2_000,
    keepAlive: true,
  };
}
