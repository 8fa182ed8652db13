import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { inTransaction } from '@rollcall/db';
import type { Team } from '../domain/team';
import { TeamsError } from '../domain/teams.error';
import { toTeam } from '../persistence/team.mapper';
import { TypeOrmTeamStore, teamNameTaken, teamNotFound } from '../persistence/typeorm-team.store';

/** Brings a team pending deletion back, with its members and resources, as it was. */
@Injectable()
export class RestoreTeam {
  constructor(
    private readonly dataSource: DataSource,
    private readonly teams: TypeOrmTeamStore,
  ) {}

  execute(organizationId: string, id: string): Promise<Team> {
    return inTransaction(this.dataSource, async (manager) => {
      const team = await this.teams.findAny(organizationId, id, manager);
      if (!team) throw teamNotFound(id);
      if (!team.deletedAt) {
        throw new TeamsError('TEAM_NOT_PENDING_DELETION', 'This team is not pending deletion.');
      }
      // Entra may have created a new group of the same name meanwhile.
      if (await this.teams.nameTaken(manager, organizationId, team.nameNormalized, id)) {
        throw teamNameTaken(team.name);
      }
      Object.assign(team, {
        deletedAt: null,
        deletedBy: null,
        purgeAfter: null,
        version: team.version + 1,
        updatedAt: new Date(),
      });
      await this.teams.save(manager, team, false);
      return toTeam(team);
    });
  }
}
