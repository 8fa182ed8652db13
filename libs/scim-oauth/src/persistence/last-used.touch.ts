import { Brackets, type DataSource, type EntityTarget, type ObjectLiteral } from 'typeorm';

/** Last-used is a hint for admins, not an audit trail: one write a minute per row is plenty. */
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * Sets `last_used_at` to now unless it was set in the last minute. Conditional, so concurrent
 * requests write it once; like AuthenticateScimToken's touch, a lost update only delays a hint.
 */
export async function touchLastUsed(
  dataSource: DataSource,
  entity: EntityTarget<ObjectLiteral>,
  row: { id: string; lastUsedAt: Date | null },
): Promise<void> {
  const now = new Date();
  if (row.lastUsedAt && now.getTime() - row.lastUsedAt.getTime() < LAST_USED_RESOLUTION_MS) return;
  const stale = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
  await dataSource
    .createQueryBuilder()
    .update(entity)
    .set({ lastUsedAt: now })
    .where('id = :id', { id: row.id })
    .andWhere(
      new Brackets((qb) =>
        qb.where('last_used_at IS NULL').orWhere('last_used_at < :stale', { stale }),
      ),
    )
    .execute();
}
