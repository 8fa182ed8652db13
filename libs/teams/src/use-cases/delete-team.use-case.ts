import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { inTransaction } from '@rollcall/db';
import { OrganizationEntity } from '@rollcall/organizations';
import { TeamEntity } from '../persistence/team.entity';
import { TypeOrmTeamStore, teamNotFound } from '../persistence/typeorm-team.store';

export interface TeamDeletion {
  /** When the team and everything it owns go for good; null when that already happened. */
  purgeAfter: Date | null;
}

const DAY_MS = 86_400_000;

/**
 * Deleting a team (SCIM DELETE /Groups/{id} or an admin) is the one data-loss event of the
 * product: the team, its memberships and resources move to pending deletion for the org's
 * retention window, restorable until then. A window of 0 deletes at once, as the reference
 * product does.
 */
@Injectable()
export class DeleteTeam {
  constructor(
    private readonly dataSource: DataSource,
    private readonly teams: TypeOrmTeamStore,
  ) {}

  execute(organizationId: string, id: string, deletedBy: string): Promise<TeamDeletion> {
    return inTransaction(this.dataSource, async (manager) => {
      const team = await this.teams.findLive(organizationId, id, manager);
      if (!team) throw teamNotFound(id);
      const organization = await manager.findOneOrFail(OrganizationEntity, {
        where: { id: organizationId },
      });
      if (organization.deletedTeamRetentionDays <= 0) {
        await manager.delete(TeamEntity, { id, organizationId });
        return { purgeAfter: null };
      }
      const now = new Date();
      const purgeAfter = new Date(now.getTime() + organization.deletedTeamRetentionDays * DAY_MS);
      await manager.update(
        TeamEntity,
        { id, organizationId },
        { deletedAt: now, deletedBy, purgeAfter, updatedAt: now, version: team.version + 1 },
      );
      return { purgeAfter };
    });
  }
}
