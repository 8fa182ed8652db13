import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { appendEvents, inTransaction } from '@rollcall/db';
import { OrganizationEntity } from '@rollcall/organizations';
import { teamEvent } from '../domain/team-events';
import { TeamEntity } from '../persistence/team.entity';
import { toTeam } from '../persistence/team.mapper';
import { TypeOrmTeamStore, teamNotFound } from '../persistence/typeorm-team.store';
import { TeamRename } from './team-rename';

export interface TeamDeletion {
  /** When the team and everything it owns go for good; null when that already happened. */
  purgeAfter: Date | null;
}

const DAY_MS = 86_400_000;

/**
 * Deleting a team (SCIM DELETE /Groups/{id} or an admin) is the one data-loss event of the
 * product: the team, its memberships and resources move to pending deletion for the org's
 * retention window, restorable until then (`team.deletion_scheduled`). A window of 0 deletes
 * at once, as the reference product does (`team.purged`).
 */
@Injectable()
export class DeleteTeam {
  constructor(
    private readonly dataSource: DataSource,
    private readonly teams: TypeOrmTeamStore,
    private readonly rename: TeamRename,
  ) {}

  execute(organizationId: string, id: string, deletedBy: string): Promise<TeamDeletion> {
    return inTransaction(this.dataSource, async (manager) => {
      const entity = await this.teams.findLive(organizationId, id, manager);
      if (!entity) throw teamNotFound(id);
      const team = toTeam(entity);
      const organization = await manager.findOneOrFail(OrganizationEntity, {
        where: { id: organizationId },
      });
      const contents = await this.teams.contents(id, manager);
      if (organization.deletedTeamRetentionDays <= 0) {
        await this.rename.liveness(manager, team, deletedBy, () =>
          manager.delete(TeamEntity, { id, organizationId }),
        );
        appendEvents(manager, [teamEvent('team.purged', team, deletedBy, { contents })]);
        return { purgeAfter: null };
      }
      const now = new Date();
      const purgeAfter = new Date(now.getTime() + organization.deletedTeamRetentionDays * DAY_MS);
      await this.rename.liveness(manager, team, deletedBy, () =>
        manager.update(
          TeamEntity,
          { id, organizationId },
          { deletedAt: now, deletedBy, purgeAfter, updatedAt: now, version: entity.version + 1 },
        ),
      );
      appendEvents(manager, [
        teamEvent(
          'team.deletion_scheduled',
          { ...team, deletedAt: now, deletedBy, purgeAfter, updatedAt: now },
          deletedBy,
          { purgeAfter: purgeAfter.toISOString(), contents },
        ),
      ]);
      return { purgeAfter };
    });
  }
}
