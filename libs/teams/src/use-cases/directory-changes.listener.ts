import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Tx } from '@rollcall/db';
import { UserChangeHooks, type UserChange, type UserDeletion } from '@rollcall/directory';
import { TeamMemberStore } from '../persistence/team-member.store';
import { EffectiveRoleChanges } from './effective-role.changes';

/**
 * What a user change means for teams, in the user change's transaction: a deleted user leaves
 * every team (one `team.member_removed` each, instead of a silent foreign-key cascade), a
 * changed roleName is told as `user.role_changed` when the effective role moves, and a renamed
 * member gives their teams new versions (the groups show the member's name).
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
    if (!before) return;
    if (before.role !== after.role) {
      await this.roleChanges.explicitRoleChanged(tx, after, before.role, after.role, actor);
    }
    if (before.userName !== after.userName || before.displayName !== after.displayName) {
      await this.members.bumpTeamsOfUser(tx, after.organizationId, after.id);
    }
  }

  private async deleting(tx: Tx, { organizationId, userId, actor }: UserDeletion): Promise<void> {
    await this.members.removeUserFromTeams(tx, organizationId, userId, actor);
  }
}
