import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RoleName } from '@rollcall/contracts';
import { SqlRunner, SqlStatement, appendEvents, inIdList, type Tx } from '@rollcall/db';
import type { GroupRoleMapping, MappedRole } from '../domain/group-role-mapping';
import { movedRoles, type RoleWatch } from '../domain/role-watch';
import { chunked } from './chunked';

interface MappingRow {
  organization_id: string;
  group_name_normalized: string;
  group_name: string;
  role: string;
  created_at: unknown;
}

const COLUMNS = 'organization_id, group_name_normalized, group_name, role, created_at';
const LIST = new SqlStatement(
  `SELECT ${COLUMNS} FROM group_role_mappings WHERE organization_id = ? ORDER BY group_name ASC`,
);
const MAPPED = new SqlStatement(
  'SELECT role FROM group_role_mappings WHERE organization_id = ? AND group_name_normalized = ?',
);
// Setting a mapping replaces the one of that name, if any: created_at is the latest set.
const UPSERT = new SqlStatement(
  `INSERT INTO group_role_mappings (${COLUMNS}) VALUES (?, ?, ?, ?, ?)
   ON CONFLICT (organization_id, group_name_normalized)
   DO UPDATE SET group_name = excluded.group_name, role = excluded.role, created_at = excluded.created_at`,
);
const DELETE = new SqlStatement(
  'DELETE FROM group_role_mappings WHERE organization_id = ? AND group_name_normalized = ? RETURNING group_name_normalized',
);

/**
 * The `group_role_mappings` table: which group names grant which role. Setting and removing
 * a mapping are told (`group_role_mapping.set` / `.removed`), after the role changes they
 * caused for the members of the group of that name.
 */
@Injectable()
export class GroupRoleMappingStore {
  private readonly sql: SqlRunner;
  private readonly mappedRolesOf: SqlStatement;
  private readonly holdersOf: SqlStatement;

  constructor(dataSource: DataSource) {
    this.sql = new SqlRunner(dataSource);
    // Memberships of live teams whose name is mapped, joined here because all three tables
    // are this feature's.
    this.mappedRolesOf = new SqlStatement(
      `SELECT tm.user_id, m.role, t.name FROM team_members tm
       JOIN teams t ON t.id = tm.team_id AND t.deleted_at IS NULL
       JOIN group_role_mappings m ON m.organization_id = t.organization_id AND m.group_name_normalized = t.name_normalized
       WHERE t.organization_id = ? AND ${inIdList('tm.user_id', this.sql.dialect)}`,
    );
    this.holdersOf = new SqlStatement(
      `SELECT DISTINCT tm.user_id FROM team_members tm
       JOIN teams t ON t.id = tm.team_id AND t.deleted_at IS NULL
       JOIN group_role_mappings m ON m.organization_id = t.organization_id AND m.group_name_normalized = t.name_normalized
       WHERE t.organization_id = ? AND ${inIdList('tm.user_id', this.sql.dialect)}`,
    );
  }

  /** The organization's mappings by group name. */
  async list(organizationId: string): Promise<GroupRoleMapping[]> {
    const rows = await this.sql.run<MappingRow>(undefined, LIST, [organizationId]);
    return rows.map((row) => this.mappingOf(row));
  }

  /** Whether a mapping names this (normalized) group name. */
  async isMapped(tx: Tx, organizationId: string, nameNormalized: string): Promise<boolean> {
    const rows = await this.sql.run(tx, MAPPED, [organizationId, nameNormalized]);
    return rows.length > 0;
  }

  /** Every role the users hold through a mapped live team, one row per such membership. */
  async mappedRoles(
    organizationId: string,
    userIds: readonly string[],
    tx?: Tx,
  ): Promise<MappedRole[]> {
    const roles: MappedRole[] = [];
    for (const ids of chunked(userIds)) {
      const rows = await this.sql.run<{ user_id: string; role: RoleName; name: string }>(
        tx,
        this.mappedRolesOf,
        [organizationId, this.sql.values.idList(ids)],
      );
      for (const row of rows) {
        roles.push({ userId: row.user_id, role: row.role, groupName: row.name });
      }
    }
    return roles;
  }

  /**
   * Which of `userIds` hold a role through a mapped live team, in one statement whatever the
   * number of ids (the caller bounds it): only whether, not which role, so no row per team.
   */
  async holders(tx: Tx, organizationId: string, userIds: readonly string[]): Promise<Set<string>> {
    if (userIds.length === 0) return new Set();
    const rows = await this.sql.run<{ user_id: string }>(tx, this.holdersOf, [
      organizationId,
      this.sql.values.idList(userIds),
    ]);
    return new Set(rows.map((row) => row.user_id));
  }

  /** The mapping of `mapping`'s group name becomes `mapping`, told as `group_role_mapping.set`. */
  async set(tx: Tx, mapping: GroupRoleMapping, actor: string, roles?: RoleWatch): Promise<void> {
    await this.sql.run(tx, UPSERT, [
      mapping.organizationId,
      mapping.groupNameNormalized,
      mapping.groupName,
      mapping.role,
      this.sql.values.timestamp(mapping.createdAt),
    ]);
    appendEvents(tx, [
      ...(await movedRoles(roles)),
      {
        organizationId: mapping.organizationId,
        type: 'group_role_mapping.set',
        actor,
        subject: { type: 'group_role_mapping', id: mapping.groupNameNormalized },
        data: { groupName: mapping.groupName, role: mapping.role },
      },
    ]);
  }

  /**
   * The mapping of a group name (as the caller wrote it, trimmed) removed, told as
   * `group_role_mapping.removed`. Removing a mapping that is not there changes nothing, and
   * tells nothing: false.
   */
  async remove(
    tx: Tx,
    organizationId: string,
    groupName: string,
    actor: string,
    roles?: RoleWatch,
  ): Promise<boolean> {
    const groupNameNormalized = groupName.toLowerCase();
    const rows = await this.sql.run(tx, DELETE, [organizationId, groupNameNormalized]);
    const moved = await movedRoles(roles);
    appendEvents(tx, [
      ...moved,
      ...(rows.length > 0
        ? [
            {
              organizationId,
              type: 'group_role_mapping.removed',
              actor,
              subject: { type: 'group_role_mapping', id: groupNameNormalized },
              data: { groupName },
            },
          ]
        : []),
    ]);
    return rows.length > 0;
  }

  private mappingOf(row: MappingRow): GroupRoleMapping {
    return {
      organizationId: row.organization_id,
      groupName: row.group_name,
      groupNameNormalized: row.group_name_normalized,
      role: row.role as RoleName,
      createdAt: this.sql.values.readDate(row.created_at),
    };
  }
}
