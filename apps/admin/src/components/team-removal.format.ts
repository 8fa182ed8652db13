import type { ResourceCounts } from '@rollcall/contracts';
import { formatResourceCounts, pluralize } from './resource-counts.format';

export interface TeamRemovalWording {
  /** "3 monitors and 1 status page", or null when the team holds no resources. */
  resources: string | null;
  /** "3 members will be removed from the team (their accounts stay).", or null for none. */
  members: string | null;
}

/** "a, b and c": the resource counts as one phrase. */
function joinedList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

/**
 * What deleting or purging a team does to what it holds. Resources are deleted with the team;
 * people are not: they only leave the team, their accounts and other teams stay.
 */
export function teamRemovalWording(resources: ResourceCounts, members: number): TeamRemovalWording {
  const counts = formatResourceCounts(resources);
  return {
    resources: counts.length > 0 ? joinedList(counts) : null,
    members:
      members > 0
        ? `${pluralize(members, 'member', 'members')} will be removed from the team (${
            members === 1 ? 'their account stays' : 'their accounts stay'
          }).`
        : null,
  };
}
