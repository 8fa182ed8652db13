import { Injectable } from '@nestjs/common';
import { ROLE_NAMES, type RoleName } from '@rollcall/contracts';
import type { Tx } from '@rollcall/db';
import { UserLookup } from '@rollcall/directory';
import { OrganizationLookup } from '@rollcall/organizations';
import { GroupRoleMappingStore } from '../persistence/group-role-mapping.store';

export type RoleSource = 'roleName' | 'group' | 'default';

export interface EffectiveRole {
  role: RoleName;
  source: RoleSource;
  /** The mapped group that granted it, when source is `group`. */
  groupName?: string;
}

/** Lower index = more privilege, as ROLE_NAMES lists them. */
function moreSenior(a: RoleName, b: RoleName): RoleName {
  return ROLE_NAMES.indexOf(a) <= ROLE_NAMES.indexOf(b) ? a : b;
}

/**
 * The role each user has right now. Precedence (documented in the dashboard): an explicit
 * `roleName` from SCIM wins; else the most senior role mapped to a live team the user is in;
 * else the organization's default. Computed when asked, so a membership change counts at once.
 */
@Injectable()
export class ResolveEffectiveRoles {
  constructor(
    private readonly organizations: OrganizationLookup,
    private readonly users: UserLookup,
    private readonly mappings: GroupRoleMappingStore,
  ) {}

  /**
   * Inside `tx`'s transaction when given one: what that transaction has changed counts.
   * `explicitRoles: false` leaves roleName out: the role a user would have without one.
   * Users not in the organization are left out.
   */
  async execute(
    organizationId: string,
    userIds: readonly string[],
    tx?: Tx,
    explicitRoles = true,
  ): Promise<Map<string, EffectiveRole>> {
    const organization = await this.organizations.find(organizationId, tx);
    if (!organization) throw new Error(`Organization ${organizationId} not found.`);
    const result = new Map<string, EffectiveRole>();
    const users = await this.users.summaries(organizationId, userIds, tx);
    for (const row of await this.mappings.mappedRoles(organizationId, userIds, tx)) {
      const current = result.get(row.userId);
      if (!current || moreSenior(row.role, current.role) !== current.role) {
        result.set(row.userId, { role: row.role, source: 'group', groupName: row.groupName });
      }
    }
    for (const [id, user] of users) {
      if (user.role && explicitRoles) result.set(id, { role: user.role, source: 'roleName' });
      else if (!result.has(id))
        result.set(id, { role: organization.defaultRole, source: 'default' });
    }
    return result;
  }
}
