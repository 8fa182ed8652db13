import { Injectable } from '@nestjs/common';
import type { Team } from '../domain/team';
import { teamNotFound } from '../domain/teams.error';
import { TypeOrmTeamStore } from '../persistence/typeorm-team.store';

@Injectable()
export class GetTeam {
  constructor(private readonly teams: TypeOrmTeamStore) {}

  /** A live team; one pending deletion is gone as far as SCIM is concerned. */
  async execute(organizationId: string, id: string): Promise<Team> {
    const team = await this.teams.findLive(organizationId, id);
    if (!team) throw teamNotFound(id);
    return team;
  }
}
