import { Injectable } from '@nestjs/common';
import { isRoleName, type RoleName } from '@rollcall/contracts';
import { appendEvents, type NewEvent, type Tx } from '@rollcall/db';
import { UserLookup } from '@rollcall/directory';
import type { RoleWatch } from '../domain/role-watch';
import { GroupRoleMappingStore } from '../persistence/group-role-mapping.store';
import { ResolveEffectiveRoles, type EffectiveRole } from './resolve-effective-roles.use-case';

/**
 * Users read per page when the default role changes: an organization may have 100k, and each
 * page costs two statements (its ids, then which of them a mapped group holds).
 */
const DEFAULT_ROLE_PAGE = 5_000;

function sameRole(a: EffectiveRole | undefined, b: EffectiveRole | undefined): boolean {
  return a?.role === b?.role && a?.source === b?.source && a?.groupName === b?.groupName;
}

/**
 * Tells `user.role_changed` when a change moves someone's effective role: their own roleName,
 * a membership of a group mapped to a role, a mapped group renamed, deleted or restored, a
 * mapping set or removed, the organization's default role. The roles are resolved before and
 * after the change inside its transaction, so the event says what the commit did, and nothing
 * when it changed nothing.
 */
@Injectable()
export class EffectiveRoleChanges {
  constructor(
    private readonly roles: ResolveEffectiveRoles,
    private readonly mappings: GroupRoleMappingStore,
    private readonly users: UserLookup,
  ) {}

  /** Whether a group of this (normalized) name grants a role: only then can members' roles move. */
  async isMapped(tx: Tx, organizationId: string, ...namesNormalized: string[]): Promise<boolean> {
    for (const name of new Set(namesNormalized)) {
      if (await this.mappings.isMapped(tx, organizationId, name)) return true;
    }
    return false;
  }

  /**
   * A user's own roleName changed (already written, by the directory): their role before and
   * after differ only in the explicit part, over the same mapped-or-default base.
   */
  async explicitRoleChanged(
    tx: Tx,
    user: { id: string; organizationId: string; userName: string },
    before: string | null,
    after: string | null,
    actor: string,
  ): Promise<void> {
    const base = (await this.roles.execute(user.organizationId, [user.id], tx, false)).get(user.id);
    const effective = (explicit: string | null): EffectiveRole | undefined =>
      explicit && isRoleName(explicit) ? { role: explicit, source: 'roleName' } : base;
    const [was, is] = [effective(before), effective(after)];
    if (sameRole(was, is)) return;
    // The write was the directory's: this hook of its transaction tells what it meant here.
    appendEvents(tx, [
      this.roleChanged(user.organizationId, user.id, user.userName, was, is, actor),
    ]);
  }

  /**
   * The organization's default role changed (already written, by organizations): everyone whose
   * role was the default — no roleName and no mapped group, deactivated users included, whose
   * role is resolved the same way — now has the new one. Read a page of users at a time and
   * told page by page, so 100k users cost some forty statements, never one per user.
   */
  async defaultRoleChanged(
    tx: Tx,
    organizationId: string,
    before: RoleName,
    after: RoleName,
    actor: string,
    pageSize = DEFAULT_ROLE_PAGE,
  ): Promise<void> {
    if (before === after) return;
    const was: EffectiveRole = { role: before, source: 'default' };
    const is: EffectiveRole = { role: after, source: 'default' };
    let afterId: string | null = null;
    for (;;) {
      const page = await this.users.withoutRole(organizationId, afterId, pageSize, tx);
      const last = page.at(-1);
      if (!last) return;
      const mapped = await this.mappings.holders(
        tx,
        organizationId,
        page.map((user) => user.id),
      );
      // The write was the organization's: this hook of its transaction tells what it meant here.
      appendEvents(
        tx,
        page
          .filter((user) => !mapped.has(user.id))
          .map((user) => this.roleChanged(organizationId, user.id, user.userName, was, is, actor)),
      );
      if (page.length < pageSize) return;
      afterId = last.id;
    }
  }

  /**
   * The roles of `userIds` now, before a change; the watch answers the role changes once the
   * change is written (the store making it appends them). None to watch: undefined.
   */
  async watch(
    tx: Tx,
    organizationId: string,
    userIds: readonly string[],
    actor: string,
  ): Promise<RoleWatch | undefined> {
    if (userIds.length === 0) return undefined;
    const before = await this.roles.execute(organizationId, userIds, tx);
    return {
      moved: async () => {
        const after = await this.roles.execute(organizationId, userIds, tx);
        const moved = userIds.filter(
          (id) => after.has(id) && !sameRole(before.get(id), after.get(id)),
        );
        if (moved.length === 0) return [];
        const users = await this.users.summaries(organizationId, moved, tx);
        return moved.map((id) =>
          this.roleChanged(
            organizationId,
            id,
            users.get(id)?.userName ?? null,
            before.get(id),
            after.get(id),
            actor,
          ),
        );
      },
    };
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
