import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { appendEvents, inTransaction } from '@rollcall/db';
import { teamEvent } from '../domain/team-events';
import { TeamsError } from '../domain/teams.error';
import { TeamResourceEntity } from '../persistence/team-resource.entity';
import { toTeam } from '../persistence/team.mapper';
import { TypeOrmTeamStore, teamNotFound } from '../persistence/typeorm-team.store';

@Injectable()
export class DeleteTeamResource {
  constructor(
    private readonly dataSource: DataSource,
    private readonly teams: TypeOrmTeamStore,
  ) {}

  /** A resource of a live team; a team pending deletion keeps everything until restored or purged. */
  async execute(
    organizationId: string,
    teamId: string,
    resourceId: string,
    actor: string,
  ): Promise<void> {
    await inTransaction(this.dataSource, async (manager) => {
      const team = await this.teams.findLive(organizationId, teamId, manager);
      if (!team) throw teamNotFound(teamId);
      const resource = await manager.findOne(TeamResourceEntity, {
        where: { id: resourceId, teamId, organizationId },
      });
      if (!resource) throw new TeamsError('RESOURCE_NOT_FOUND', 'No such resource in this team.');
      await manager.delete(TeamResourceEntity, { id: resourceId, teamId, organizationId });
      appendEvents(manager, [
        teamEvent('team.resource_deleted', toTeam(team), actor, {
          resource: { id: resource.id, kind: resource.kind, name: resource.name },
        }),
      ]);
    });
  }
}
