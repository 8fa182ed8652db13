import type { EventTypeName, TeamEventData } from '@rollcall/contracts';
import type { NewEvent } from '@rollcall/db';
import type { Team } from './team';

/** A team as its events carry it (contracts' TeamEventData). */
export function teamEventData(team: Team): TeamEventData {
  return {
    id: team.id,
    displayName: team.name,
    externalId: team.externalId,
    source: team.source,
    createdAt: team.createdAt.toISOString(),
    updatedAt: team.updatedAt.toISOString(),
  };
}

export function teamEvent(
  type: EventTypeName,
  team: Team,
  actor: string,
  extra: Record<string, unknown> = {},
): NewEvent {
  return {
    organizationId: team.organizationId,
    type,
    actor,
    subject: { type: 'team', id: team.id },
    data: { team: teamEventData(team), ...extra },
  };
}

/** One event per member: a 500-member PATCH tells 500 `team.member_added`, written at once. */
export function memberEvents(
  type: 'team.member_added' | 'team.member_removed',
  team: Team,
  userIds: readonly string[],
  userNames: ReadonlyMap<string, string>,
  actor: string,
): NewEvent[] {
  const teamData = { id: team.id, displayName: team.name, externalId: team.externalId };
  return userIds.map((id) => ({
    organizationId: team.organizationId,
    type,
    actor,
    subject: { type: 'team', id: team.id },
    data: { team: teamData, user: { id, userName: userNames.get(id) ?? null } },
  }));
}

/** What a rename or a new externalId changed, in SCIM's attribute names. */
export function changedTeamAttributes(before: Team, after: Team): string[] {
  const changed: string[] = [];
  if (before.name !== after.name) changed.push('displayName');
  if (before.externalId !== after.externalId) changed.push('externalId');
  return changed;
}
