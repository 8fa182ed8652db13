import { Injectable } from '@nestjs/common';
import { Transactions } from '@rollcall/db';
import { normalizedTeamName, type Team } from '../domain/team';
import { TeamsError, teamNameTaken, teamNotFound } from '../domain/teams.error';
import { TypeOrmTeamStore } from '../persistence/typeorm-team.store';
import { TeamRename } from './team-rename';

/** Brings a team pending deletion back, with its members and resources, as it was. */
@Injectable()
export class RestoreTeam {
  constructor(
    private readonly transactions: Transactions,
    private readonly teams: TypeOrmTeamStore,
    private readonly rename: TeamRename,
  ) {}

  execute(organizationId: string, id: string, actor: string): Promise<Team> {
    return this.transactions.run(async (tx) => {
      const team = await this.teams.findAny(organizationId, id, tx);
      if (!team) throw teamNotFound(id);
      if (!team.deletedAt) {
        throw new TeamsError('TEAM_NOT_PENDING_DELETION', 'This team is not pending deletion.');
      }
      // Entra may have created a new group of the same name meanwhile.
      if (await this.teams.nameTaken(tx, organizationId, normalizedTeamName(team.name), id)) {
        throw teamNameTaken(team.name);
      }
      const roles = await this.rename.liveness(tx, team, actor);
      return this.teams.restore(tx, team, actor, new Date(), roles);
    });
  }
}
