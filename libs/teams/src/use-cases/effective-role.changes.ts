import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { isRoleName } from '@rollcall/contracts';
import { appendEvents, type NewEvent } from '@rollcall/db';
import { TypeOrmTeamStore } from '../persistence/typeorm-team.store';
import { ResolveEffectiveRoles, type EffectiveRole } from './resolve-effective-roles.use-case';

function sameRole(a: EffectiveRole | undefined, b: EffectiveRole | undefined): boolean {
  return a?.role === b?.role && a?.source === b?.source && a?.groupName === b?.groupName;
}

/**
 * Tells `user.role_changed` when a change moves someone's effective role: their own roleName,
 * a membership of a group mapped to a role, a mapped group renamed, deleted or restored, a
 * mapping set or removed. The roles are resolved before and after the change inside its
 * transaction, so the event says what the commit did, and nothing when it changed nothing.
 */
@Injectable()
export class EffectiveRoleChanges {
  constructor(
    private readonly roles: ResolveEffectiveRoles,
    private readonly teams: TypeOrmTeamStore,
  ) {}

  /** Whether a group of this (normalized) name grants a role: only then can members' roles move. */
  async isMapped(
    manager: EntityManager,
    organizationId: string,
    ...namesNormalized: string[]
  ): Promise<boolean> {
    for (const name of new Set(namesNormalized)) {
      if (await this.teams.isMapped(manager, organizationId, name)) return true;
    }
    return false;
  }

  /**
   * A user's own roleName changed (already written): their role before and after differ only
   * in the explicit part, over the same mapped-or-default base.
   */
  async explicitRoleChanged(
    manager: EntityManager,
    user: { id: string; organizationId: string; userName: string },
    before: string | null,
    after: string | null,
    actor: string,
  ): Promise<void> {
    const base = (await this.roles.execute(user.organizationId, [user.id], manager, false)).get(
      user.id,
    );
    const effective = (explicit: string | null): EffectiveRole | undefined =>
      explicit && isRoleName(explicit) ? { role: explicit, source: 'roleName' } : base;
    const [was, is] = [effective(before), effective(after)];
    if (sameRole(was, is)) return;
    appendEvents(manager, [
      this.roleChanged(user.organizationId, user.id, user.userName, was, is, actor),
    ]);
  }

  /** Runs `change` and tells the role changes it made to `userIds`. */
  async track<T>(
    manager: EntityManager,
    organizationId: string,
    userIds: readonly string[],
    actor: string,
    change: () => Promise<T>,
  ): Promise<T> {
    if (userIds.length === 0) return change();
    const before = await this.roles.execute(organizationId, userIds, manager);
    const result = await change();
    const after = await this.roles.execute(organizationId, userIds, manager);
    const moved = userIds.filter((id) => after.has(id) && !sameRole(before.get(id), after.get(id)));
    if (moved.length > 0) {
      const names = await this.teams.userNames(manager, moved);
      appendEvents(
        manager,
        moved.map((id) =>
          this.roleChanged(
            organizationId,
            id,
            names.get(id) ?? null,
            before.get(id),
            after.get(id),
            actor,
          ),
        ),
      );
    }
    return result;
  }

  private roleChanged(
    organizationId: string,
    id: string,
    userName: string | null,
    before: EffectiveRole | undefined,
    after: EffectiveRole | undefined,
    actor: string,
  ): NewEvent {
    return {
      organizationId,
      type: 'user.role_changed',
      actor,
      subject: { type: 'user', id },
      data: { user: { id, userName }, role: after ?? null, previousRole: before ?? null },
    };
  }
}
