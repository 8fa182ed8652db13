import { Injectable } from '@nestjs/common';
import type { UserTeam } from '../domain/team';
import { TeamMemberStore } from '../persistence/team-member.store';

/** The live teams of each user: the read-only SCIM User `groups` attribute, in one query. */
@Injectable()
export class ListTeamsOfUsers {
  constructor(private readonly members: TeamMemberStore) {}

  execute(organizationId: string, userIds: readonly string[]): Promise<Map<string, UserTeam[]>> {
    return this.members.teamsOfUsers(organizationId, userIds);
  }
}
