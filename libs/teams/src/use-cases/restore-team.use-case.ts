import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { appendEvents, inTransaction } from '@rollcall/db';
import type { Team } from '../domain/team';
import { teamEvent } from '../domain/team-events';
import { TeamsError } from '../domain/teams.error';
import { toTeam } from '../persistence/team.mapper';
import { TypeOrmTeamStore, teamNameTaken, teamNotFound } from '../persistence/typeorm-team.store';
import { TeamRename } from './team-rename';

/** Brings a team pending deletion back, with its members and resources, as it was. */
@Injectable()
export class RestoreTeam {
  constructor(
    private readonly dataSource: DataSource,
    private readonly teams: TypeOrmTeamStore,
    private readonly rename: TeamRename,
  ) {}

  execute(organizationId: string, id: string, actor: string): Promise<Team> {
    return inTransaction(this.dataSource, async (manager) => {
      const entity = await this.teams.findAny(organizationId, id, manager);
      if (!entity) throw teamNotFound(id);
      if (!entity.deletedAt) {
        throw new TeamsError('TEAM_NOT_PENDING_DELETION', 'This team is not pending deletion.');
      }
      // Entra may have created a new group of the same name meanwhile.
      if (await this.teams.nameTaken(manager, organizationId, entity.nameNormalized, id)) {
        throw teamNameTaken(entity.name);
      }
      Object.assign(entity, {
        deletedAt: null,
        deletedBy: null,
        purgeAfter: null,
        version: entity.version + 1,
        updatedAt: new Date(),
      });
      const team = toTeam(entity);
      await this.rename.liveness(manager, team, actor, () =>
        this.teams.save(manager, entity, false),
      );
      appendEvents(manager, [teamEvent('team.restored', team, actor)]);
      return team;
    });
  }
}
