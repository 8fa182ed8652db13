import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { appendEvents, inTransaction } from '@rollcall/db';
import { parseTeamResourceKind } from '../domain/team-resource-kind';
import { teamEvent } from '../domain/team-events';
import { TeamsError } from '../domain/teams.error';
import { toTeam } from '../persistence/team.mapper';
import { TeamResourceEntity } from '../persistence/team-resource.entity';
import { TypeOrmTeamStore, teamNotFound } from '../persistence/typeorm-team.store';

export interface CreateTeamResourceCommand {
  kind: unknown;
  name: unknown;
}

/** A monitor, heartbeat, status page or on-call calendar owned by a live team. */
@Injectable()
export class CreateTeamResource {
  constructor(
    private readonly dataSource: DataSource,
    private readonly teams: TypeOrmTeamStore,
  ) {}

  execute(
    organizationId: string,
    teamId: string,
    command: CreateTeamResourceCommand,
    actor: string,
  ): Promise<TeamResourceEntity> {
    const kind = parseTeamResourceKind(command.kind);
    const name = typeof command.name === 'string' ? command.name.trim() : '';
    if (!name || name.length > 200) {
      throw new TeamsError('RESOURCE_NAME_REQUIRED', 'A resource name has 1 to 200 characters.');
    }
    return inTransaction(this.dataSource, async (manager) => {
      const team = await this.teams.findLive(organizationId, teamId, manager);
      if (!team) throw teamNotFound(teamId);
      const resource = Object.assign(new TeamResourceEntity(), {
        id: randomUUID(),
        teamId,
        organizationId,
        kind,
        name,
        createdAt: new Date(),
      });
      await manager.insert(TeamResourceEntity, resource);
      appendEvents(manager, [
        teamEvent('team.resource_created', toTeam(team), actor, {
          resource: { id: resource.id, kind, name },
        }),
      ]);
      return resource;
    });
  }
}
