import type { ClientConfig } from 'pg';
import type { DataSource } from 'typeorm';
import { dialectOf } from '../dialect';
import type { CacheInvalidation } from './cache-invalidation';
import { PostgresCacheInvalidation } from './postgres-cache-invalidation';
import { SqliteCacheInvalidation } from './sqlite-cache-invalidation';

export { CacheInvalidation } from './cache-invalidation';
export type { InvalidationListener } from './cache-invalidation';
export {
  CACHE_INVALIDATION_CHANNEL,
  CACHE_LISTENER_APPLICATION_NAME,
} from './postgres-cache-invalidation';

/** The invalidation signal for this data source's dialect (one per process and database). */
export function createCacheInvalidation(dataSource: DataSource): CacheInvalidation {
  if (dialectOf(dataSource) === 'sqlite') return new SqliteCacheInvalidation(dataSource);
  return new PostgresCacheInvalidation(dataSource, listenerConnection(dataSource));
}

/** The pool's own connection settings, for the one connection that stays on LISTEN. */
function listenerConnection(dataSource: DataSource): ClientConfig {
  const options = dataSource.options as {
    url?: string;
    host?: string;
    port?: number;
    username?: string;
    password?: string;
    database?: string;
    ssl?: ClientConfig['ssl'];
    extra?: { connectionTimeoutMillis?: number };
  };
  return {
    connectionString: options.url,
    host: options.host,
    port: options.port,
    user: options.username,
    password: options.password,
    database: options.database,
    ssl: options.ssl,
    connectionTimeoutMillis: options.extra?.connectionTimeoutMillis,
  };
}
