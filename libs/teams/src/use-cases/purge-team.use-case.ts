import { Injectable } from '@nestjs/common';
import { Transactions } from '@rollcall/db';
import { TeamsError, teamNotFound } from '../domain/teams.error';
import { TypeOrmTeamStore } from '../persistence/typeorm-team.store';

/**
 * An admin ends a team's retention window early: the team pending deletion, its members and
 * resources go for good now, told as `team.purged` like the retention job would. Only a team
 * pending deletion can be purged, so a live team is never lost by one request.
 */
@Injectable()
export class PurgeTeam {
  constructor(
    private readonly transactions: Transactions,
    private readonly teams: TypeOrmTeamStore,
  ) {}

  execute(organizationId: string, id: string, actor: string): Promise<void> {
    return this.transactions.run(async (tx) => {
      // Locked (PostgreSQL) so the retention job cannot purge it a second time meanwhile.
      const team = await this.teams.findAny(organizationId, id, tx);
      if (!team) throw teamNotFound(id);
      if (!team.deletedAt) {
        throw new TeamsError('TEAM_NOT_PENDING_DELETION', 'This team is not pending deletion.');
      }
      // Its role mappings stopped counting when it was deleted: nothing to recompute here.
      await this.teams.purge(tx, [team], actor);
    });
  }
}
