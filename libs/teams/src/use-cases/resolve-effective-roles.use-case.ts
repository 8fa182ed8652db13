import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ROLE_NAMES, type RoleName } from '@rollcall/contracts';
import { OrganizationEntity } from '@rollcall/organizations';
import { chunked } from '../persistence/typeorm-team.store';

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
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Inside `manager`'s transaction when given one: what that transaction has changed counts.
   * `explicitRoles: false` leaves roleName out: the role a user would have without one.
   */
  async execute(
    organizationId: string,
    userIds: readonly string[],
    manager: EntityManager = this.dataSource.manager,
    explicitRoles = true,
  ): Promise<Map<string, EffectiveRole>> {
    const organization = await manager
      .getRepository(OrganizationEntity)
      .findOneByOrFail({ id: organizationId });
    const fallback = (ROLE_NAMES as readonly string[]).includes(organization.defaultRole)
      ? (organization.defaultRole as RoleName)
      : 'member';
    const result = new Map<string, EffectiveRole>();
    for (const ids of chunked(userIds)) {
      const explicit = await manager
        .createQueryBuilder()
        .select('u.id', 'id')
        .addSelect('u.role', 'role')
        .from('users', 'u')
        .where('u.organization_id = :organizationId AND u.id IN (:...ids)', { organizationId, ids })
        .getRawMany<{ id: string; role: RoleName | null }>();
      const mapped = await manager
        .createQueryBuilder()
        .select('tm.user_id', 'userId')
        .addSelect('m.role', 'role')
        .addSelect('t.name', 'groupName')
        .from('team_members', 'tm')
        .innerJoin('teams', 't', 't.id = tm.team_id AND t.deleted_at IS NULL')
        .innerJoin(
          'group_role_mappings',
          'm',
          'm.organization_id = t.organization_id AND m.group_name_normalized = t.name_normalized',
        )
        .where('t.organization_id = :organizationId AND tm.user_id IN (:...ids)', {
          organizationId,
          ids,
        })
        .getRawMany<{ userId: string; role: RoleName; groupName: string }>();
      for (const row of mapped) {
        const current = result.get(row.userId);
        if (!current || moreSenior(row.role, current.role) !== current.role) {
          result.set(row.userId, { role: row.role, source: 'group', groupName: row.groupName });
        }
      }
      for (const row of explicit) {
        if (row.role && explicitRoles) result.set(row.id, { role: row.role, source: 'roleName' });
        else if (!result.has(row.id)) result.set(row.id, { role: fallback, source: 'default' });
      }
    }
    return result;
  }
}
