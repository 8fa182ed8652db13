import { Injectable } from '@nestjs/common';
import { Transactions } from '@rollcall/db';
import { OrganizationLookup } from '@rollcall/organizations';
import type { VersionPrecondition } from '@rollcall/scim-core';
import { teamNotFound, teamVersionMismatch } from '../domain/teams.error';
import { TypeOrmTeamStore } from '../persistence/typeorm-team.store';
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
    private readonly transactions: Transactions,
    private readonly teams: TypeOrmTeamStore,
    private readonly organizations: OrganizationLookup,
    private readonly rename: TeamRename,
  ) {}

  /** `precondition` (SCIM If-Match) is checked against the row as locked for the write. */
  execute(
    organizationId: string,
    id: string,
    deletedBy: string,
    precondition?: VersionPrecondition,
  ): Promise<TeamDeletion> {
    return this.transactions.run(async (tx) => {
      const team = await this.teams.findLive(organizationId, id, tx);
      if (!team) throw teamNotFound(id);
      if (precondition && !precondition(team.version)) throw teamVersionMismatch(id);
      const organization = await this.organizations.find(organizationId, tx);
      if (!organization) throw new Error(`Organization ${organizationId} not found.`);
      const roles = await this.rename.liveness(tx, team, deletedBy);
      if (organization.deletedTeamRetentionDays <= 0) {
        await this.teams.purge(tx, [team], deletedBy, roles);
        return { purgeAfter: null };
      }
      const at = new Date();
      const purgeAfter = new Date(at.getTime() + organization.deletedTeamRetentionDays * DAY_MS);
      await this.teams.scheduleDeletion(tx, team, { deletedBy, at, purgeAfter }, roles);
      return { purgeAfter };
    });
  }
}
