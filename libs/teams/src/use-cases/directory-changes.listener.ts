import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { UserChangeHooks, type UserChange } from '@rollcall/directory';
import { toTeam } from '../persistence/team.mapper';
import { TypeOrmTeamStore } from '../persistence/typeorm-team.store';
import { EffectiveRoleChanges } from './effective-role.changes';
import { TeamMembership } from './team-membership';

/**
 * What a user change means for teams, in the user change's transaction: a deleted user leaves
 * every team (one `team.member_removed` each, instead of a silent foreign-key cascade), and a
 * changed roleName is told as `user.role_changed` when the effective role moves.
 */
@Injectable()
export class DirectoryChangesListener implements OnModuleInit {
  constructor(
    private readonly hooks: UserChangeHooks,
    private readonly teams: TypeOrmTeamStore,
    private readonly membership: TeamMembership,
    private readonly roleChanges: EffectiveRoleChanges,
  ) {}

  onModuleInit(): void {
    this.hooks.register((manager, change) => this.handle(manager, change));
  }

  private async handle(manager: EntityManager, { before, after, actor }: UserChange) {
    if (before && !after) {
      const teams = await this.teams.teamsOfUser(manager, before.organizationId, before.id);
      for (const team of teams) {
        await this.membership.remove(manager, toTeam(team), [before.id], actor, false);
      }
      return;
    }
    if (before && after && before.role !== after.role) {
      await this.roleChanges.explicitRoleChanged(manager, after, before.role, after.role, actor);
    }
  }
}
