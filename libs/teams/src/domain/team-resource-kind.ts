import { TeamsError } from './teams.error';

/** What a team owns in the product; all of it goes when the team is purged. */
export const TEAM_RESOURCE_KINDS = [
  'monitor',
  'heartbeat',
  'status_page',
  'on_call_calendar',
] as const;

export type TeamResourceKind = (typeof TEAM_RESOURCE_KINDS)[number];

export function parseTeamResourceKind(kind: unknown): TeamResourceKind {
  if (typeof kind === 'string' && (TEAM_RESOURCE_KINDS as readonly string[]).includes(kind)) {
    return kind as TeamResourceKind;
  }
  throw new TeamsError(
    'RESOURCE_KIND_INVALID',
    `A resource kind is one of ${TEAM_RESOURCE_KINDS.join(', ')}.`,
  );
}
