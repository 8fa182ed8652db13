export { BACKGROUND_JOBS, schedulePeriodicJob } from './background-jobs';
export { buildDataSourceOptions, POSTGRES_DEFAULTS } from './database.options';
export type {
  DatabaseConfig,
  DataSourceExtras,
  PostgresConfig,
  SqlDialect,
} from './database.options';
export { databaseErrorForLog } from './database-error.log';
export {
  DATABASE_RETRY_AFTER_SECONDS,
  DATABASE_UNAVAILABLE_LOCAL,
  databaseUnavailability,
  isDatabaseUnavailable,
} from './database-unavailable';
export type { DatabaseUnavailability } from './database-unavailable';
export { dialectOf } from './dialect';
export {
  CACHE_INVALIDATION_CHANNEL,
  CACHE_LISTENER_APPLICATION_NAME,
  CacheInvalidation,
  createCacheInvalidation,
} from './invalidation';
export type { InvalidationListener } from './invalidation';
export { appendEvents } from './outbox';
export type { NewEvent } from './outbox';
export { runMigrations } from './migration.runner';
export { currentRequestOrigin, runWithRequestOrigin } from './request-origin';
export type { RequestOrigin } from './request-origin';
export { backUpSqliteDatabase } from './sqlite.backup';
export { prepareSqliteFile } from './sqlite-file';
export { inTransaction, SQLITE_WRITE_LOCK_WAIT_MS } from './transaction.runner';
export { Transactions } from './transactions';
export { executorOf, managerOf, txOf } from './tx';
export type { Tx } from './tx';
export { isUniqueViolation } from './unique-violation';
export {
  SqlRunner,
  SqlStatement,
  bindNamedParameters,
  inIdList,
  positional,
  sqlValues,
  totalOfPage,
} from './sql';
export type { SqlValues } from './sql';
