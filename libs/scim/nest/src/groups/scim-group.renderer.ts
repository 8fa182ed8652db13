import { GROUP_SCHEMA_URN, versionTag, type ScimJsonObject } from '@rollcall/scim-core';
import type { Team, TeamMember } from '@rollcall/teams';

/** A team as a SCIM Group, without `members` (those are rendered or streamed apart). */
export function renderScimGroup(team: Team, baseUrl: string): ScimJsonObject {
  return {
    schemas: [GROUP_SCHEMA_URN],
    id: team.id,
    ...(team.externalId !== null ? { externalId: team.externalId } : {}),
    displayName: team.name,
    meta: {
      resourceType: 'Group',
      created: team.createdAt.toISOString(),
      lastModified: team.updatedAt.toISOString(),
      location: `${baseUrl}/Groups/${team.id}`,
      version: versionTag(team.version),
    },
  };
}

export function renderScimMember(member: TeamMember, baseUrl: string): ScimJsonObject {
  return {
    value: member.userId,
    $ref: `${baseUrl}/Users/${member.userId}`,
    display: member.displayName ?? member.userName,
    type: 'User',
  };
}
