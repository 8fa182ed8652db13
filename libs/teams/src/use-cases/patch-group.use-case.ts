import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { appendEvents, inTransaction } from '@rollcall/db';
import {
  GROUP_RESOURCE_SCHEMAS,
  applyPatch,
  parsePatchRequest,
  splitMemberOperations,
  type MemberOperation,
} from '@rollcall/scim-core';
import { groupFields } from '../domain/group-document';
import type { Team } from '../domain/team';
import { changedTeamAttributes, teamEvent } from '../domain/team-events';
import { toTeam } from '../persistence/team.mapper';
import { TypeOrmTeamStore, teamNameTaken, teamNotFound } from '../persistence/typeorm-team.store';
import { TeamMembership } from './team-membership';
import { TeamRename } from './team-rename';

/**
 * SCIM PATCH /Groups/{id}. Membership changes run as set operations in SQL (one statement
 * per 500 members, whatever the batch size); the other operations go through the PATCH
 * engine. All of it commits together or not at all, with its events.
 */
@Injectable()
export class PatchGroup {
  constructor(
    private readonly dataSource: DataSource,
    private readonly teams: TypeOrmTeamStore,
    private readonly membership: TeamMembership,
    private readonly rename: TeamRename,
  ) {}

  async execute(organizationId: string, id: string, body: unknown, actor: string): Promise<Team> {
    const { memberOperations, otherOperations } = splitMemberOperations(parsePatchRequest(body));
    return inTransaction(this.dataSource, async (manager) => {
      const entity = await this.teams.findLive(organizationId, id, manager);
      if (!entity) throw teamNotFound(id);
      const before = toTeam(entity);
      const now = new Date();
      if (otherOperations.length > 0) {
        const current = {
          displayName: entity.name,
          ...(entity.externalId ? { externalId: entity.externalId } : {}),
        };
        const { name, externalId } = groupFields(
          applyPatch(current, otherOperations, GROUP_RESOURCE_SCHEMAS),
        );
        const nameNormalized = name.toLowerCase();
        if (
          nameNormalized !== entity.nameNormalized &&
          (await this.teams.nameTaken(manager, organizationId, nameNormalized, id))
        ) {
          throw teamNameTaken(name);
        }
        Object.assign(entity, { name, nameNormalized, externalId });
      }
      if (otherOperations.length > 0 || memberOperations.length > 0) {
        Object.assign(entity, { version: entity.version + 1, updatedAt: now });
      }
      const after = toTeam(entity);
      // The new name first: mapped roles of the members added below follow it.
      const changed = changedTeamAttributes(before, after);
      if (otherOperations.length > 0 || memberOperations.length > 0) {
        await this.rename.renamed(manager, before, after, actor, () =>
          this.teams.save(manager, entity, false),
        );
      }
      if (changed.length > 0) {
        appendEvents(manager, [teamEvent('team.updated', after, actor, { changed })]);
      }
      for (const operation of memberOperations) {
        await this.applyMembers(manager, after, operation, now, actor);
      }
      return after;
    });
  }

  private async applyMembers(
    manager: EntityManager,
    team: Team,
    operation: MemberOperation,
    now: Date,
    actor: string,
  ): Promise<void> {
    switch (operation.kind) {
      case 'add':
        await this.membership.add(manager, team, operation.memberIds, now, actor);
        return;
      case 'remove':
        // Removing someone who is not a member (any more) is not an error: Entra retries.
        await this.membership.remove(manager, team, operation.memberIds, actor);
        return;
      case 'replace':
        await this.membership.set(manager, team, operation.memberIds, now, actor);
        return;
      case 'removeAll':
        await this.membership.removeAll(manager, team, actor);
        return;
    }
  }
}
