import { Injectable } from '@nestjs/common';
import type { Team, TeamContents } from '../domain/team';
import { TeamListStore } from '../persistence/team-list.store';
import { TypeOrmTeamStore } from '../persistence/typeorm-team.store';

export interface TeamSummary extends TeamContents {
  team: Team;
}

/** The dashboard's team list: live teams by name, with member and resource counts. */
@Injectable()
export class ListOrganizationTeams {
  constructor(
    private readonly lists: TeamListStore,
    private readonly teams: TypeOrmTeamStore,
  ) {}

  async execute(organizationId: string, search?: string): Promise<TeamSummary[]> {
    const teams = await this.lists.listLive(organizationId, search);
    const contents = await this.teams.contentsOf(teams.map((team) => team.id));
    return teams.map((team) => ({
      team,
      ...(contents.get(team.id) ?? { members: 0, resources: {} }),
    }));
  }
}
