import { SqlStatement, type SqlRunner } from '@rollcall/db';

/** Last-used is a hint for admins, not an audit trail: one write a minute per row is plenty. */
const LAST_USED_RESOLUTION_MS = 60_000;

/** The conditional `last_used_at` write of one of this feature's credential tables. */
export function lastUsedUpdate(table: string): SqlStatement {
  return new SqlStatement(
    `UPDATE ${table} SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)`,
  );
}

/**
 * Sets `last_used_at` to now unless it was set in the last minute. Conditional, so concurrent
 * requests write it once; like AuthenticateScimToken's touch, a lost update only delays a hint.
 */
export async function touchLastUsed(
  sql: SqlRunner,
  update: SqlStatement,
  row: { id: string; lastUsedAt: Date | null },
): Promise<void> {
  const now = new Date();
  if (row.lastUsedAt && now.getTime() - row.lastUsedAt.getTime() < LAST_USED_RESOLUTION_MS) return;
  const stale = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
  const v = sql.values;
  await sql.run(undefined, update, [v.timestamp(now), row.id, v.timestamp(stale)]);
}
