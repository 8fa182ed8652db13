import { Injectable } from '@nestjs/common';
import type { Team } from '../domain/team';
import { toTeam } from '../persistence/team.mapper';
import { TypeOrmTeamStore, teamNotFound } from '../persistence/typeorm-team.store';

@Injectable()
export class GetTeam {
  constructor(private readonly teams: TypeOrmTeamStore) {}

  /** A live team; one pending deletion is gone as far as SCIM is concerned. */
  async execute(organizationId: string, id: string): Promise<Team> {
    const row = await this.teams.findLive(organizationId, id);
    if (!row) throw teamNotFound(id);
    return toTeam(row);
  }
}
