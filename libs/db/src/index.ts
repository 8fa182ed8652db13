export { buildDataSourceOptions } from './database.options';
export type { DatabaseConfig, DataSourceExtras, SqlDialect } from './database.options';
export { dialectOf } from './dialect';
export { runMigrations } from './migration.runner';
export { inTransaction } from './transaction.runner';
export { isUniqueViolation } from './unique-violation';
