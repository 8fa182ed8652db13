import { Injectable } from '@nestjs/common';
import { Transactions, type Tx } from '@rollcall/db';
import {
  GROUP_RESOURCE_SCHEMAS,
  applyPatch,
  parsePatchRequest,
  splitMemberOperations,
  type MemberOperation,
  type VersionPrecondition,
} from '@rollcall/scim-core';
import { groupFields } from '../domain/group-document';
import { normalizedTeamName, type Team } from '../domain/team';
import { teamNameTaken, teamNotFound, teamVersionMismatch } from '../domain/teams.error';
import { TypeOrmTeamStore } from '../persistence/typeorm-team.store';
import { TeamMembership } from './team-membership';
import { TeamRename } from './team-rename';

/**
 * SCIM PATCH /Groups/{id}. Membership changes run as set operations in SQL (one statement
 * per 500 members, whatever the batch size); the other operations go through the PATCH
 * engine. All of it commits together or not at all, with its events. A precondition
 * (If-Match) is checked against the row as locked for the write, before anything is applied.
 */
@Injectable()
export class PatchGroup {
  constructor(
    private readonly transactions: Transactions,
    private readonly teams: TypeOrmTeamStore,
    private readonly membership: TeamMembership,
    private readonly rename: TeamRename,
  ) {}

  async execute(
    organizationId: string,
    id: string,
    body: unknown,
    actor: string,
    precondition?: VersionPrecondition,
  ): Promise<Team> {
    const { memberOperations, otherOperations } = splitMemberOperations(parsePatchRequest(body));
    return this.transactions.run(async (tx) => {
      const before = await this.teams.findLive(organizationId, id, tx);
      if (!before) throw teamNotFound(id);
      if (precondition && !precondition(before.version)) throw teamVersionMismatch(id);
      const now = new Date();
      let after = before;
      if (otherOperations.length > 0) {
        const current = {
          displayName: before.name,
          ...(before.externalId ? { externalId: before.externalId } : {}),
        };
        const { name, externalId } = groupFields(
          applyPatch(current, otherOperations, GROUP_RESOURCE_SCHEMAS),
        );
        const nameNormalized = normalizedTeamName(name);
        if (
          nameNormalized !== normalizedTeamName(before.name) &&
          (await this.teams.nameTaken(tx, organizationId, nameNormalized, id))
        ) {
          throw teamNameTaken(name);
        }
        after = { ...after, name, externalId };
      }
      // The new name first: mapped roles of the members added below follow it.
      if (otherOperations.length > 0 || memberOperations.length > 0) {
        after = { ...after, version: before.version + 1, updatedAt: now };
        const roles = await this.rename.renamed(tx, before, after, actor);
        await this.teams.update(tx, before, after, actor, roles);
      }
      for (const operation of memberOperations) {
        await this.applyMembers(tx, after, operation, now, actor);
      }
      return after;
    });
  }

  private async applyMembers(
    tx: Tx,
    team: Team,
    operation: MemberOperation,
    now: Date,
    actor: string,
  ): Promise<void> {
    switch (operation.kind) {
      case 'add':
        await this.membership.add(tx, team, operation.memberIds, now, actor);
        return;
      case 'remove':
        // Removing someone who is not a member (any more) is not an error: Entra retries.
        await this.membership.remove(tx, team, operation.memberIds, actor);
        return;
      case 'replace':
        await this.membership.set(tx, team, operation.memberIds, now, actor);
        return;
      case 'removeAll':
        await this.membership.removeAll(tx, team, actor);
        return;
    }
  }
}
