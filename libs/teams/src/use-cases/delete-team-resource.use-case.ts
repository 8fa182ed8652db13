import { Injectable } from '@nestjs/common';
import { Transactions } from '@rollcall/db';
import { TeamsError, teamNotFound } from '../domain/teams.error';
import { TeamResourceStore } from '../persistence/team-resource.store';
import { TypeOrmTeamStore } from '../persistence/typeorm-team.store';

@Injectable()
export class DeleteTeamResource {
  constructor(
    private readonly transactions: Transactions,
    private readonly teams: TypeOrmTeamStore,
    private readonly resources: TeamResourceStore,
  ) {}

  /** A resource of a live team; a team pending deletion keeps everything until restored or purged. */
  async execute(
    organizationId: string,
    teamId: string,
    resourceId: string,
    actor: string,
  ): Promise<void> {
    await this.transactions.run(async (tx) => {
      const team = await this.teams.findLive(organizationId, teamId, tx);
      if (!team) throw teamNotFound(teamId);
      if (!(await this.resources.delete(tx, team, resourceId, actor))) {
        throw new TeamsError('RESOURCE_NOT_FOUND', 'No such resource in this team.');
      }
    });
  }
}
