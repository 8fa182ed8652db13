import { Injectable } from '@nestjs/common';
import type { TeamResource } from '../domain/team-resource';
import { TeamResourceStore } from '../persistence/team-resource.store';
import { teamNotFound } from '../domain/teams.error';
import { TypeOrmTeamStore } from '../persistence/typeorm-team.store';

@Injectable()
export class ListTeamResources {
  constructor(
    private readonly teams: TypeOrmTeamStore,
    private readonly resources: TeamResourceStore,
  ) {}

  /** A team's resources (also while it is pending deletion, to show what would be lost). */
  async execute(organizationId: string, teamId: string): Promise<TeamResource[]> {
    if (!(await this.teams.findAny(organizationId, teamId))) throw teamNotFound(teamId);
    return this.resources.list(organizationId, teamId);
  }
}
