import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Tx } from '@rollcall/db';
import {
  OrganizationSettingsHooks,
  type OrganizationSettingsUpdate,
} from '@rollcall/organizations';
import { EffectiveRoleChanges } from './effective-role.changes';

/**
 * What a settings change means for teams, in the settings change's transaction: a new default
 * role is the new role of everyone who had the default, told as `user.role_changed` after the
 * `organization.updated` of the change.
 */
@Injectable()
export class OrganizationSettingsListener implements OnModuleInit {
  constructor(
    private readonly hooks: OrganizationSettingsHooks,
    private readonly roleChanges: EffectiveRoleChanges,
  ) {}

  onModuleInit(): void {
    this.hooks.register((tx, update) => this.updated(tx, update));
  }

  private async updated(
    tx: Tx,
    { organizationId, before, after, actor }: OrganizationSettingsUpdate,
  ): Promise<void> {
    if (before.defaultRole === after.defaultRole) return;
    await this.roleChanges.defaultRoleChanged(
      tx,
      organizationId,
      before.defaultRole,
      after.defaultRole,
      actor,
    );
  }
}
