/**
 * Why a database call failed when the fault is the database's, not the request's:
 * - `busy`: another writer holds SQLite's write lock (a backup, the CLI) past our wait;
 * - `timeout`: PostgreSQL cancelled a statement (statement_timeout), gave up on a lock
 *   (lock_timeout), or no pooled connection came free in time;
 * - `unreachable`: the server is down, restarting, refusing or dropping connections.
 * All three are answered 503 with Retry-After: the same request can succeed later.
 */
export type DatabaseUnavailability = 'busy' | 'timeout' | 'unreachable';

/** Seconds a client is asked to wait (Retry-After) when the database is unavailable. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/** Where an HTTP edge marks a response answered 503 for this reason (Express `res.locals`). */
export const DATABASE_UNAVAILABLE_LOCAL = 'databaseUnavailable';

// PostgreSQL SQLSTATEs (Appendix A of its manual).
const POSTGRES_CODES: Record<string, DatabaseUnavailability> = {
  '57014': 'timeout', // query_canceled: statement_timeout
  '55P03': 'timeout', // lock_not_available: lock_timeout
  '57P01': 'unreachable', // admin_shutdown
  '57P02': 'unreachable', // crash_shutdown
  '57P03': 'unreachable', // cannot_connect_now (starting up, recovering)
  '53300': 'unreachable', // too_many_connections
  '53400': 'unreachable', // configuration_limit_exceeded
};

const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

// node-postgres and pg-pool report a lost or unobtainable connection with plain Errors.
const CONNECTION_MESSAGES: ReadonlyArray<readonly [RegExp, DatabaseUnavailability]> = [
  [/timeout exceeded when trying to connect/i, 'timeout'],
  [/Connection terminated due to connection timeout/i, 'timeout'],
  [/Query read timeout/i, 'timeout'],
  [/Connection terminated/i, 'unreachable'],
  [/Client has encountered a connection error and is not queryable/i, 'unreachable'],
  [/Client was closed and is not queryable/i, 'unreachable'],
  [/Cannot use a pool after calling end on the pool/i, 'unreachable'],
];

// TypeORM's own errors when it has no usable connection.
const TYPEORM_NAMES = new Set([
  'CannotExecuteNotConnectedError',
  'ConnectionIsNotSetError',
  'CannotConnectAlreadyConnectedError',
]);

function classifyOne(error: object): DatabaseUnavailability | undefined {
  const { code, name, message } = error as { code?: unknown; name?: unknown; message?: unknown };
  if (typeof code === 'string') {
    const postgres = POSTGRES_CODES[code];
    if (postgres) return postgres;
    if (code.startsWith('08')) return 'unreachable'; // connection_exception class
    if (SOCKET_CODES.has(code)) return 'unreachable';
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'busy';
  }
  if (typeof name === 'string' && TYPEORM_NAMES.has(name)) return 'unreachable';
  if (typeof message === 'string') {
    for (const [pattern, kind] of CONNECTION_MESSAGES) if (pattern.test(message)) return kind;
  }
  return undefined;
}

/**
 * The one place that decides whether an error means "the database is unavailable" (answer
 * 503 + Retry-After) rather than a bug (500). Looks through TypeORM's QueryFailedError
 * (`driverError`), `cause` chains and AggregateError (a refused connection to every address).
 */
export function databaseUnavailability(error: unknown): DatabaseUnavailability | undefined {
  const pending: unknown[] = [error];
  const seen = new Set<unknown>();
  while (pending.length > 0 && seen.size < 16) {
    const next = pending.shift();
    if (typeof next !== 'object' || next === null || seen.has(next)) continue;
    seen.add(next);
    const kind = classifyOne(next);
    if (kind) return kind;
    const { driverError, cause, errors } = next as {
      driverError?: unknown;
      cause?: unknown;
      errors?: unknown;
    };
    pending.push(driverError, cause);
    if (Array.isArray(errors)) pending.push(...(errors as unknown[]));
  }
  return undefined;
}

export function isDatabaseUnavailable(error: unknown): boolean {
  return databaseUnavailability(error) !== undefined;
}
