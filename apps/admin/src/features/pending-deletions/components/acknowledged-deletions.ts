import type { PendingTeamDeletionView } from '@rollcall/contracts';

/** localStorage key: this browser's acknowledged provisioning deletions. */
export const ACKNOWLEDGED_DELETIONS_KEY = 'rollcall.acknowledged-team-deletions';

/**
 * One deletion, not one team: a team restored and deleted again by Entra is a new deletion
 * (a new `deletedAt`), so its warning shows again.
 */
export function deletionKey(entry: Pick<PendingTeamDeletionView, 'team' | 'deletedAt'>): string {
  return `${entry.team.id}@${entry.deletedAt}`;
}

/** What the stored value says, ignoring anything that is not a list of strings. */
export function parseAcknowledged(stored: string | null | undefined): string[] {
  if (!stored) return [];
  try {
    const value: unknown = JSON.parse(stored);
    return Array.isArray(value)
      ? value.filter((item): item is string => typeof item === 'string')
      : [];
  } catch {
    return [];
  }
}

/**
 * The acknowledged keys after acknowledging `entries`, keeping only deletions still pending so
 * the list does not grow for ever.
 */
export function withAcknowledged(
  acknowledged: readonly string[],
  entries: readonly Pick<PendingTeamDeletionView, 'team' | 'deletedAt'>[],
  pending: readonly Pick<PendingTeamDeletionView, 'team' | 'deletedAt'>[],
): string[] {
  const stillPending = new Set(pending.map(deletionKey));
  const next = new Set(acknowledged.filter((key) => stillPending.has(key)));
  for (const entry of entries) next.add(deletionKey(entry));
  return [...next];
}
