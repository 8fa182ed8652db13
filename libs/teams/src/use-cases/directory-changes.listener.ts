import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { appendEvents, managerOf } from '@rollcall/db';
import { UserChangeHooks, type UserChange, type UserDeletion } from '@rollcall/directory';
import { memberEvents } from '../domain/team-events';
import { toTeam } from '../persistence/team.mapper';
import { TypeOrmTeamStore } from '../persistence/typeorm-team.store';
import { EffectiveRoleChanges } from './effective-role.changes';

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
    private readonly roleChanges: EffectiveRoleChanges,
  ) {}

  onModuleInit(): void {
    this.hooks.register({
      changed: (tx, change) => this.changed(managerOf(tx), change),
      deleting: (tx, deletion) => this.deleting(managerOf(tx), deletion),
    });
  }

  private async changed(manager: EntityManager, { before, after, actor }: UserChange) {
    if (before && before.role !== after.role) {
      await this.roleChanges.explicitRoleChanged(manager, after, before.role, after.role, actor);
    }
  }

  /** One statement for a user in no team (the usual case); the teams' rows only when needed. */
  private async deleting(manager: EntityManager, { organizationId, userId, actor }: UserDeletion) {
    const teamIds = await this.teams.removeUserFromTeams(manager, organizationId, userId);
    if (teamIds.length === 0) return;
    const names = await this.teams.userNames(manager, [userId]);
    for (const entity of await this.teams.teamsByIds(manager, organizationId, teamIds)) {
      appendEvents(
        manager,
        memberEvents('team.member_removed', toTeam(entity), [userId], names, actor),
      );
    }
  }
}
