import { Injectable } from '@nestjs/common';
import type { Team, TeamContents } from '../domain/team';
import { TeamListStore } from '../persistence/team-list.store';
import { TypeOrmTeamStore } from '../persistence/typeorm-team.store';

export interface DeletedTeam extends TeamContents {
  team: Team;
}

/** Teams pending deletion, newest first, with what each still holds. */
@Injectable()
export class ListDeletedTeams {
  constructor(
    private readonly lists: TeamListStore,
    private readonly teams: TypeOrmTeamStore,
  ) {}

  async execute(organizationId: string): Promise<DeletedTeam[]> {
    const teams = await this.lists.listPendingDeletion(organizationId);
    const contents = await this.teams.contentsOf(teams.map((team) => team.id));
    return teams.map((team) => ({
      team,
      ...(contents.get(team.id) ?? { members: 0, resources: {} }),
    }));
  }
}
