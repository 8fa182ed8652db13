import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Tx } from '@rollcall/db';
import { UserChangeHooks, type UserChange, type UserDeletion } from '@rollcall/directory';
import { TeamMemberStore } from '../persistence/team-member.store';
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
    private readonly members: TeamMemberStore,
    private readonly roleChanges: EffectiveRoleChanges,
  ) {}

  onModuleInit(): void {
    this.hooks.register({
      changed: (tx, change) => this.changed(tx, change),
      deleting: (tx, deletion) => this.deleting(tx, deletion),
    });
  }

  private async changed(tx: Tx, { before, after, actor }: UserChange): Promise<void> {
    if (before && before.role !== after.role) {
      await this.roleChanges.explicitRoleChanged(tx, after, before.role, after.role, actor);
    }
  }

  private async deleting(tx: Tx, { organizationId, userId, actor }: UserDeletion): Promise<void> {
    await this.members.removeUserFromTeams(tx, organizationId, userId, actor);
  }
}
