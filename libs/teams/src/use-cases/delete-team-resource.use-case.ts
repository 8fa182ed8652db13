import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { inTransaction } from '@rollcall/db';
import { TeamsError } from '../domain/teams.error';
import { TeamResourceEntity } from '../persistence/team-resource.entity';
import { TypeOrmTeamStore, teamNotFound } from '../persistence/typeorm-team.store';

@Injectable()
export class DeleteTeamResource {
  constructor(
    private readonly dataSource: DataSource,
    private readonly teams: TypeOrmTeamStore,
  ) {}

  /** A resource of a live team; a team pending deletion keeps everything until restored or purged. */
  async execute(organizationId: string, teamId: string, resourceId: string): Promise<void> {
    const result = await inTransaction(this.dataSource, async (manager) => {
      if (!(await this.teams.findLive(organizationId, teamId, manager))) throw teamNotFound(teamId);
      return manager.delete(TeamResourceEntity, { id: resourceId, teamId, organizationId });
    });
    if (!result.affected)
      throw new TeamsError('RESOURCE_NOT_FOUND', 'No such resource in this team.');
  }
}
