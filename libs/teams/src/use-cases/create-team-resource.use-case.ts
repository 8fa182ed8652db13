import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Transactions } from '@rollcall/db';
import type { TeamResource } from '../domain/team-resource';
import { parseTeamResourceKind } from '../domain/team-resource-kind';
import { TeamsError, teamNotFound } from '../domain/teams.error';
import { TeamResourceStore } from '../persistence/team-resource.store';
import { TypeOrmTeamStore } from '../persistence/typeorm-team.store';

export interface CreateTeamResourceCommand {
  kind: unknown;
  name: unknown;
}

/** A monitor, heartbeat, status page or on-call calendar owned by a live team. */
@Injectable()
export class CreateTeamResource {
  constructor(
    private readonly transactions: Transactions,
    private readonly teams: TypeOrmTeamStore,
    private readonly resources: TeamResourceStore,
  ) {}

  execute(
    organizationId: string,
    teamId: string,
    command: CreateTeamResourceCommand,
    actor: string,
  ): Promise<TeamResource> {
    const kind = parseTeamResourceKind(command.kind);
    const name = typeof command.name === 'string' ? command.name.trim() : '';
    if (!name || name.length > 200) {
      throw new TeamsError('RESOURCE_NAME_REQUIRED', 'A resource name has 1 to 200 characters.');
    }
    return this.transactions.run(async (tx) => {
      const team = await this.teams.findLive(organizationId, teamId, tx);
      if (!team) throw teamNotFound(teamId);
      const resource: TeamResource = {
        id: randomUUID(),
        teamId,
        organizationId,
        kind,
        name,
        createdAt: new Date(),
      };
      await this.resources.create(tx, team, resource, actor);
      return resource;
    });
  }
}
