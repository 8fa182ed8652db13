import { Injectable } from '@nestjs/common';
import type { TeamMember } from '../domain/team';
import { TypeOrmTeamStore } from '../persistence/typeorm-team.store';

/** Team members for rendering: streamed in chunks for one team, batched for a page of teams. */
@Injectable()
export class ReadTeamMembers {
  constructor(private readonly teams: TypeOrmTeamStore) {}

  chunks(teamId: string, size?: number): AsyncGenerator<TeamMember[]> {
    return this.teams.memberChunks(teamId, size);
  }

  ofTeams(teamIds: readonly string[]): Promise<Map<string, TeamMember[]>> {
    return this.teams.membersOf(teamIds);
  }
}
