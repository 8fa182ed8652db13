import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { inTransaction } from '@rollcall/db';
import {
  GROUP_RESOURCE_SCHEMAS,
  applyPatch,
  parsePatchRequest,
  splitMemberOperations,
  type MemberOperation,
} from '@rollcall/scim-core';
import { groupFields } from '../domain/group-document';
import type { Team } from '../domain/team';
import { toTeam } from '../persistence/team.mapper';
import type { TeamEntity } from '../persistence/team.entity';
import { TypeOrmTeamStore, teamNameTaken, teamNotFound } from '../persistence/typeorm-team.store';

/**
 * SCIM PATCH /Groups/{id}. Membership changes run as set operations in SQL (one statement
 * per 500 members, whatever the batch size); the other operations go through the PATCH
 * engine. All of it commits together or not at all.
 */
@Injectable()
export class PatchGroup {
  constructor(
    private readonly dataSource: DataSource,
    private readonly teams: TypeOrmTeamStore,
  ) {}

  async execute(organizationId: string, id: string, body: unknown): Promise<Team> {
    const { memberOperations, otherOperations } = splitMemberOperations(parsePatchRequest(body));
    return inTransaction(this.dataSource, async (manager) => {
      const team = await this.teams.findLive(organizationId, id, manager);
      if (!team) throw teamNotFound(id);
      const now = new Date();
      if (otherOperations.length > 0) {
        const current = {
          displayName: team.name,
          ...(team.externalId ? { externalId: team.externalId } : {}),
        };
        const { name, externalId } = groupFields(
          applyPatch(current, otherOperations, GROUP_RESOURCE_SCHEMAS),
        );
        const nameNormalized = name.toLowerCase();
        if (
          nameNormalized !== team.nameNormalized &&
          (await this.teams.nameTaken(manager, organizationId, nameNormalized, id))
        ) {
          throw teamNameTaken(name);
        }
        Object.assign(team, { name, nameNormalized, externalId });
      }
      for (const operation of memberOperations) {
        await this.applyMembers(manager, team, operation, now);
      }
      if (otherOperations.length > 0 || memberOperations.length > 0) {
        Object.assign(team, { version: team.version + 1, updatedAt: now });
        await this.teams.save(manager, team, false);
      }
      return toTeam(team);
    });
  }

  private async applyMembers(
    manager: EntityManager,
    team: TeamEntity,
    operation: MemberOperation,
    now: Date,
  ): Promise<void> {
    switch (operation.kind) {
      case 'add':
        await this.teams.assertUsersInOrganization(
          manager,
          team.organizationId,
          operation.memberIds,
        );
        await this.teams.addMembers(manager, team.id, operation.memberIds, now);
        return;
      case 'remove':
        // Removing someone who is not a member (any more) is not an error: Entra retries.
        await this.teams.removeMembers(manager, team.id, operation.memberIds);
        return;
      case 'replace':
        await this.teams.assertUsersInOrganization(
          manager,
          team.organizationId,
          operation.memberIds,
        );
        await this.teams.removeAllMembers(manager, team.id);
        await this.teams.addMembers(manager, team.id, operation.memberIds, now);
        return;
      case 'removeAll':
        await this.teams.removeAllMembers(manager, team.id);
        return;
    }
  }
}
