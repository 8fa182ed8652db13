/**
 * Whether a failed insert says "the database cannot serve now" (retry later, keep the rows)
 * rather than "the database refuses this row" (retrying would fail forever).
 */
const TRANSIENT_CODES = new Set([
  // PostgreSQL: shutting down, starting up, too many connections, statement or lock timeout,
  // serialisation failure and deadlock.
  '57P01',
  '57P02',
  '57P03',
  '53300',
  '57014',
  '55P03',
  '40001',
  '40P01',
  // Sockets.
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  // SQLite: another writer holds the lock, or the disk is full or unreadable.
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
  'SQLITE_IOERR',
  'SQLITE_FULL',
  'SQLITE_READONLY',
  'SQLITE_CANTOPEN',
]);

// What pg and its pool throw without a code when the socket or the pool gives up.
const TRANSIENT_MESSAGE =
  /connection terminated|timeout exceeded when trying to connect|connection error|not (yet )?connected|cannot use a pool after calling end/i;

export function errorCode(error: unknown): string | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const { code, driverError, errors } = error as {
    code?: unknown;
    driverError?: unknown;
    errors?: unknown;
  };
  if (typeof code === 'string' && code !== '') return code;
  if (driverError) return errorCode(driverError);
  // A connect to several addresses fails with an AggregateError of socket errors.
  if (Array.isArray(errors)) return errorCode(errors[0]);
  return undefined;
}

export function isDatabaseUnavailable(error: unknown): boolean {
  const code = errorCode(error);
  if (code !== undefined) {
    if (code.startsWith('08')) return true; // PostgreSQL's connection-exception class
    if (TRANSIENT_CODES.has(code)) return true;
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_IOERR')) return true;
    return false;
  }
  return error instanceof Error && TRANSIENT_MESSAGE.test(error.message);
}
