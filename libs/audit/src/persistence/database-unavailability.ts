import { databaseUnavailability } from '@rollcall/db';

/**
 * Whether a failed insert says "the database cannot serve now" (keep the rows, try later)
 * rather than "the database refuses this row" (retrying would fail forever).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (databaseUnavailability(error) !== undefined) return true;
  // Beyond what the edges answer 503 for: a lost serialisation race or deadlock passes, and
  // a full or failing SQLite disk is an operator's to fix, not a reason to drop the log.
  const code = errorCode(error);
  return (
    code !== undefined &&
    (code === '40001' || code === '40P01' || /^SQLITE_(FULL|IOERR|READONLY|CANTOPEN)/.test(code))
  );
}

/** A short, value-free name for a failure: the driver's code, else the kind of outage. */
export function failureName(error: unknown): string {
  return errorCode(error) ?? databaseUnavailability(error) ?? 'unknown';
}

function errorCode(error: unknown): string | undefined {
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
