/**
 * An error as it may appear in a log line. TypeORM's QueryFailedError carries the statement's
 * `parameters` (whole user documents, token hashes), and PostgreSQL's `detail` quotes the
 * offending values ("Key (user_name)=(…) already exists"): both are dropped, at any depth of
 * `driverError`/`cause`. The SQL text stays: values are bound, never inlined.
 */
const UNSAFE_KEYS = new Set(['parameters', 'detail', 'where', 'internalQuery']);

export function databaseErrorForLog(error: unknown, depth = 0): unknown {
  if (typeof error !== 'object' || error === null || depth > 4) return error;
  const safe: Record<string, unknown> = {};
  if (error instanceof Error) {
    safe['type'] = error.constructor.name;
    safe['message'] = error.message;
    if (error.stack) safe['stack'] = error.stack;
  }
  for (const [key, value] of Object.entries(error)) {
    if (UNSAFE_KEYS.has(key)) continue;
    safe[key] =
      key === 'driverError' || key === 'cause' ? databaseErrorForLog(value, depth + 1) : value;
  }
  if (error instanceof Error && error.cause !== undefined && !('cause' in safe)) {
    safe['cause'] = databaseErrorForLog(error.cause, depth + 1);
  }
  return safe;
}
