import {
  TEAM_RESOURCE_KIND_NAMES,
  type ResourceCounts,
  type TeamResourceKindName,
} from '@rollcall/contracts';

const KIND_NAMES: Record<TeamResourceKindName, [singular: string, plural: string]> = {
  monitor: ['monitor', 'monitors'],
  heartbeat: ['heartbeat', 'heartbeats'],
  status_page: ['status page', 'status pages'],
  on_call_calendar: ['on-call calendar', 'on-call calendars'],
};

export function pluralize(count: number, singular: string, plural: string): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? singular : plural}`;
}

/** "Monitor", "Status page": a kind as a heading. */
export function resourceKindTitle(kind: TeamResourceKindName, count = 2): string {
  const [singular, plural] = KIND_NAMES[kind];
  const word = count === 1 ? singular : plural;
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** "3 monitors, 1 status page" in the fixed kind order; kinds with none are left out. */
export function formatResourceCounts(resources: ResourceCounts): string[] {
  return TEAM_RESOURCE_KIND_NAMES.flatMap((kind) => {
    const count = resources[kind] ?? 0;
    if (count <= 0) return [];
    const [singular, plural] = KIND_NAMES[kind];
    return [pluralize(count, singular, plural)];
  });
}

export function totalResources(resources: ResourceCounts): number {
  return TEAM_RESOURCE_KIND_NAMES.reduce((sum, kind) => sum + (resources[kind] ?? 0), 0);
}

/**
 * What a team deletion destroys, as the Delete team dialog and Pending deletions say it:
 * "3 monitors, 1 status page, 12 members" (members always named, even 0).
 */
export function formatTeamContents(resources: ResourceCounts, members: number): string {
  return [...formatResourceCounts(resources), pluralize(members, 'member', 'members')].join(', ');
}
