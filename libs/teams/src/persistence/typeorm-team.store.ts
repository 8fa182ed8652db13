import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  SqlRunner,
  SqlStatement,
  bindNamedParameters,
  inIdList,
  isUniqueViolation,
  totalOfPage,
  type SqlDialect,
} from '@rollcall/db';
import { compileFilter, compileSortBy, type FilterNode } from '@rollcall/scim-core';
import type { TeamContents, TeamMember } from '../domain/team';
import { TeamsError } from '../domain/teams.error';
import { TeamEntity } from './team.entity';
import { teamFilterTarget } from './team.filter-target';

/** Bounded statements: Entra sends hundreds of members per PATCH, a PUT may send thousands. */
const CHUNK = 500;

export function chunked<T>(items: readonly T[], size = CHUNK): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

export interface TeamPageQuery {
  filter?: FilterNode;
  startIndex: number;
  count: number;
  sortBy?: string;
  sortOrder: 'ascending' | 'descending';
}

interface MemberRow {
  user_id: string;
  user_name: string;
  display_name: string | null;
  active: unknown;
}

/** Every column, in the order `insert` binds them. */
const COLUMNS = [
  'id',
  'organization_id',
  'name',
  'name_normalized',
  'slug',
  'external_id',
  'source',
  'version',
  'created_at',
  'updated_at',
  'deleted_at',
  'deleted_by',
  'purge_after',
] as const;
type TeamRow = Record<(typeof COLUMNS)[number], unknown>;

const SELECT_TEAMS = `SELECT ${COLUMNS.map((column) => `t.${column}`).join(', ')} FROM teams t`;
const FIND_ANY = new SqlStatement(`${SELECT_TEAMS} WHERE t.organization_id = ? AND t.id = ?`);
const FIND_LIVE = FIND_ANY.append('AND t.deleted_at IS NULL');
const REMOVE_USER_FROM_TEAMS = new SqlStatement(
  'DELETE FROM team_members WHERE user_id = ? AND team_id IN (SELECT id FROM teams WHERE organization_id = ?) RETURNING team_id',
);
const DUE_FOR_PURGE = new SqlStatement(
  `${SELECT_TEAMS} WHERE t.purge_after <= ? ORDER BY t.purge_after LIMIT ?`,
);
const NAME_OWNER = new SqlStatement(
  'SELECT id FROM teams WHERE organization_id = ? AND name_normalized = ? AND deleted_at IS NULL',
);
const MAPPED_ROLE = new SqlStatement(
  'SELECT role FROM group_role_mappings WHERE organization_id = ? AND group_name_normalized = ?',
);
const INSERT = new SqlStatement(
  `INSERT INTO teams (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')})`,
);
const UPDATE = new SqlStatement(
  `UPDATE teams SET ${COLUMNS.slice(2)
    .map((column) => `${column} = ?`)
    .join(', ')} WHERE id = ? AND organization_id = ?`,
);
const MEMBER_SELECT =
  'SELECT tm.user_id, u.user_name, u.display_name, u.active FROM team_members tm JOIN users u ON u.id = tm.user_id';
const REMOVE_ALL_MEMBERS = new SqlStatement(
  'DELETE FROM team_members WHERE team_id = ? RETURNING user_id',
);
const MEMBER_IDS = new SqlStatement('SELECT user_id FROM team_members WHERE team_id = ?');
const MEMBER_CHUNK = new SqlStatement(
  `${MEMBER_SELECT} WHERE tm.team_id = ? AND tm.user_id > ? ORDER BY tm.user_id LIMIT ?`,
);

/** Statements that take a list of ids as one parameter: their text depends on the dialect. */
function listStatements(dialect: SqlDialect) {
  return {
    usersInOrganization: new SqlStatement(
      `SELECT id, user_name FROM users WHERE organization_id = ? AND ${inIdList('id', dialect)}`,
    ),
    addMembers:
      dialect === 'postgres'
        ? new SqlStatement(
            'INSERT INTO team_members (team_id, user_id, created_at) SELECT ?, ids.id, ? FROM unnest(?::text[]) AS ids(id) ON CONFLICT DO NOTHING RETURNING user_id',
          )
        : new SqlStatement(
            'INSERT INTO team_members (team_id, user_id, created_at) SELECT ?, value, ? FROM json_each(?) WHERE true ON CONFLICT DO NOTHING RETURNING user_id',
          ),
    removeMembers: new SqlStatement(
      `DELETE FROM team_members WHERE team_id = ? AND ${inIdList('user_id', dialect)} RETURNING user_id`,
    ),
    teamsByIds: new SqlStatement(
      `${SELECT_TEAMS} WHERE t.organization_id = ? AND ${inIdList('t.id', dialect)} ORDER BY t.id`,
    ),
    deleteTeams: new SqlStatement(`DELETE FROM teams WHERE ${inIdList('id', dialect)}`),
    memberNames: new SqlStatement(
      `SELECT id, user_name FROM users WHERE ${inIdList('id', dialect)}`,
    ),
    membersOf: new SqlStatement(
      `SELECT tm.team_id, tm.user_id, u.user_name, u.display_name, u.active FROM team_members tm JOIN users u ON u.id = tm.user_id WHERE ${inIdList('tm.team_id', dialect)} ORDER BY tm.user_id`,
    ),
    memberCounts: new SqlStatement(
      `SELECT team_id, COUNT(*) AS count FROM team_members WHERE ${inIdList('team_id', dialect)} GROUP BY team_id`,
    ),
    resourceCounts: new SqlStatement(
      `SELECT team_id, kind, COUNT(*) AS count FROM team_resources WHERE ${inIdList('team_id', dialect)} GROUP BY team_id, kind`,
    ),
  };
}

@Injectable()
export class TypeOrmTeamStore {
  private readonly sql: SqlRunner;
  private readonly lists: ReturnType<typeof listStatements>;

  constructor(dataSource: DataSource) {
    this.sql = new SqlRunner(dataSource);
    this.lists = listStatements(this.sql.dialect);
  }

  /**
   * A live team (not pending deletion) of the organization. Inside a transaction on
   * PostgreSQL the row is locked (SELECT … FOR UPDATE), so concurrent PATCHes of one group
   * (Entra sends them in parallel) apply one after the other instead of overwriting each
   * other's name, version or deletion. SQLite writers already take turns.
   */
  findLive(
    organizationId: string,
    id: string,
    manager?: EntityManager,
  ): Promise<TeamEntity | null> {
    return this.findOne(FIND_LIVE, organizationId, id, manager);
  }

  findAny(organizationId: string, id: string, manager?: EntityManager): Promise<TeamEntity | null> {
    return this.findOne(FIND_ANY, organizationId, id, manager);
  }

  private async findOne(
    statement: SqlStatement,
    organizationId: string,
    id: string,
    manager: EntityManager | undefined,
  ): Promise<TeamEntity | null> {
    const locked =
      manager && this.sql.dialect === 'postgres' ? statement.append('FOR UPDATE') : statement;
    const rows = await this.sql.run(manager, locked, [organizationId, id]);
    return rows.length > 0 ? this.toEntity(rows[0] as TeamRow) : null;
  }

  /** Ends the user's every membership (live teams and pending ones); the teams' ids. */
  async removeUserFromTeams(
    manager: EntityManager,
    organizationId: string,
    userId: string,
  ): Promise<string[]> {
    const rows = (await this.sql.run(manager, REMOVE_USER_FROM_TEAMS, [
      userId,
      organizationId,
    ])) as { team_id: string }[];
    return rows.map((row) => row.team_id);
  }

  /** Teams of the organization by id, live or pending deletion, in id order. */
  async teamsByIds(
    manager: EntityManager,
    organizationId: string,
    teamIds: readonly string[],
  ): Promise<TeamEntity[]> {
    const teams: TeamEntity[] = [];
    for (const ids of chunked([...teamIds].sort())) {
      const rows = await this.sql.run(manager, this.lists.teamsByIds, [
        organizationId,
        this.sql.values.idList(ids),
      ]);
      teams.push(...rows.map((row) => this.toEntity(row as TeamRow)));
    }
    return teams;
  }

  /**
   * Teams past their retention window, locked for this transaction; on PostgreSQL another
   * replica's purge skips them (SKIP LOCKED) instead of waiting to find them gone.
   */
  async dueForPurge(manager: EntityManager, now: Date, limit: number): Promise<TeamEntity[]> {
    const statement =
      this.sql.dialect === 'postgres'
        ? DUE_FOR_PURGE.append('FOR UPDATE OF t SKIP LOCKED')
        : DUE_FOR_PURGE;
    const rows = await this.sql.run(manager, statement, [this.sql.values.timestamp(now), limit]);
    return rows.map((row) => this.toEntity(row as TeamRow));
  }

  /** Teams, with their members and resources (foreign keys), for good. */
  async deleteForGood(manager: EntityManager, teamIds: readonly string[]): Promise<void> {
    for (const ids of chunked(teamIds)) {
      await this.sql.run(manager, this.lists.deleteTeams, [this.sql.values.idList(ids)]);
    }
  }

  async page(
    organizationId: string,
    query: TeamPageQuery,
  ): Promise<{ total: number; teams: TeamEntity[] }> {
    const target = teamFilterTarget(this.sql.dialect);
    const values: unknown[] = [organizationId];
    let where = `t.organization_id = ${this.sql.placeholder(1)} AND t.deleted_at IS NULL`;
    if (query.filter) {
      const compiled = compileFilter(query.filter, target);
      where += ` AND (${bindNamedParameters(compiled.where, compiled.params, this.sql.dialect, values)})`;
    }
    const countAll = (): Promise<number> => this.sql.count('teams t', where, values);
    if (query.count === 0) return { total: await countAll(), teams: [] };
    const sort = query.sortBy ? compileSortBy(query.sortBy, target) : 't.created_at';
    const direction = query.sortOrder === 'descending' ? 'DESC' : 'ASC';
    const rows = await this.sql.query<TeamRow>(
      `${SELECT_TEAMS} WHERE ${where} ORDER BY ${sort} ${direction}, t.id ASC LIMIT ${this.sql.placeholder(values.length + 1)} OFFSET ${this.sql.placeholder(values.length + 2)}`,
      [...values, query.count, query.startIndex - 1],
    );
    const teams = rows.map((row) => this.toEntity(row));
    // A page that is not full ends the list (Entra's `displayName eq` look-ups): no COUNT.
    const total = await totalOfPage(query.startIndex, query.count, teams.length, countAll);
    return { total, teams };
  }

  async nameTaken(
    manager: EntityManager,
    organizationId: string,
    nameNormalized: string,
    exceptId?: string,
  ): Promise<boolean> {
    const owner = await this.liveTeamNamed(manager, organizationId, nameNormalized);
    return owner !== null && owner !== exceptId;
  }

  /** The id of the live team with this (normalized) name, if there is one. */
  async liveTeamNamed(
    manager: EntityManager,
    organizationId: string,
    nameNormalized: string,
  ): Promise<string | null> {
    const rows = (await this.sql.run(manager, NAME_OWNER, [organizationId, nameNormalized])) as {
      id: string;
    }[];
    return rows[0]?.id ?? null;
  }

  /** Whether a role mapping names this (normalized) group name. */
  async isMapped(
    manager: EntityManager,
    organizationId: string,
    nameNormalized: string,
  ): Promise<boolean> {
    const rows = await this.sql.run(manager, MAPPED_ROLE, [organizationId, nameNormalized]);
    return rows.length > 0;
  }

  async save(manager: EntityManager, team: TeamEntity, isNew: boolean): Promise<void> {
    const [id, organizationId, ...changes] = this.columnValues(team);
    try {
      if (isNew) await this.sql.run(manager, INSERT, [id, organizationId, ...changes]);
      else await this.sql.run(manager, UPDATE, [...changes, id, organizationId]);
    } catch (error) {
      if (isUniqueViolation(error)) throw teamNameTaken(team.name);
      throw error;
    }
  }

  /**
   * Every id must be a user of this organization: another org's user is not found here.
   * Returns their userNames by id (what membership events tell).
   */
  async assertUsersInOrganization(
    manager: EntityManager,
    organizationId: string,
    userIds: readonly string[],
  ): Promise<Map<string, string>> {
    const wanted = [...new Set(userIds)];
    const found = new Map<string, string>();
    for (const ids of chunked(wanted)) {
      const rows = (await this.sql.run(manager, this.lists.usersInOrganization, [
        organizationId,
        this.sql.values.idList(ids),
      ])) as { id: string; user_name: string }[];
      for (const row of rows) found.set(row.id, row.user_name);
    }
    const missing = wanted.filter((id) => !found.has(id));
    if (missing.length > 0) {
      throw new TeamsError(
        'MEMBER_NOT_IN_ORGANIZATION',
        `No user with id ${missing
          .slice(0, 5)
          .map((id) => `"${id}"`)
          .join(
            ', ',
          )}${missing.length > 5 ? ` (and ${missing.length - 5} more)` : ''} in this organization.`,
      );
    }
    return found;
  }

  /**
   * Adding a member twice is not an error (Entra retries): existing rows are kept. Returns
   * the ids that were not members before, the ones whose membership this call made.
   */
  async addMembers(
    manager: EntityManager,
    teamId: string,
    userIds: readonly string[],
    now: Date,
  ): Promise<string[]> {
    const added: string[] = [];
    for (const ids of chunked([...new Set(userIds)])) {
      const rows = (await this.sql.run(manager, this.lists.addMembers, [
        teamId,
        this.sql.values.timestamp(now),
        this.sql.values.idList(ids),
      ])) as { user_id: string }[];
      for (const row of rows) added.push(row.user_id);
    }
    return added;
  }

  /** Returns the ids that were members, the ones whose membership this call ended. */
  async removeMembers(
    manager: EntityManager,
    teamId: string,
    userIds: readonly string[],
  ): Promise<string[]> {
    const removed: string[] = [];
    for (const ids of chunked([...new Set(userIds)])) {
      const rows = (await this.sql.run(manager, this.lists.removeMembers, [
        teamId,
        this.sql.values.idList(ids),
      ])) as { user_id: string }[];
      for (const row of rows) removed.push(row.user_id);
    }
    return removed;
  }

  async removeAllMembers(manager: EntityManager, teamId: string): Promise<string[]> {
    const rows = (await this.sql.run(manager, REMOVE_ALL_MEMBERS, [teamId])) as {
      user_id: string;
    }[];
    return rows.map((row) => row.user_id);
  }

  /** The ids of a team's members, inside `manager`'s transaction. */
  async memberIds(manager: EntityManager, teamId: string): Promise<string[]> {
    const rows = (await this.sql.run(manager, MEMBER_IDS, [teamId])) as { user_id: string }[];
    return rows.map((row) => row.user_id);
  }

  /** userNames by id, for the events of members removed (the users are still there). */
  async userNames(
    manager: EntityManager,
    userIds: readonly string[],
  ): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    for (const ids of chunked(userIds)) {
      const rows = (await this.sql.run(manager, this.lists.memberNames, [
        this.sql.values.idList(ids),
      ])) as { id: string; user_name: string }[];
      for (const row of rows) names.set(row.id, row.user_name);
    }
    return names;
  }

  /** Members in pages of `size`, by user id, so a 10,000-member team is never one array. */
  async *memberChunks(teamId: string, size = 1000): AsyncGenerator<TeamMember[]> {
    let after = '';
    for (;;) {
      const rows = (await this.sql.run(undefined, MEMBER_CHUNK, [
        teamId,
        after,
        size,
      ])) as MemberRow[];
      if (rows.length > 0) yield rows.map((row) => this.toMember(row));
      if (rows.length < size) return;
      after = rows[rows.length - 1]?.user_id ?? after;
    }
  }

  /** Members of several teams at once (a list page of groups with members). */
  async membersOf(teamIds: readonly string[]): Promise<Map<string, TeamMember[]>> {
    const byTeam = new Map<string, TeamMember[]>(teamIds.map((id) => [id, []]));
    for (const ids of chunked(teamIds)) {
      const rows = (await this.sql.run(undefined, this.lists.membersOf, [
        this.sql.values.idList(ids),
      ])) as (MemberRow & { team_id: string })[];
      for (const row of rows) byTeam.get(row.team_id)?.push(this.toMember(row));
    }
    return byTeam;
  }

  async contents(teamId: string, manager?: EntityManager): Promise<TeamContents> {
    return (await this.contentsOf([teamId], manager)).get(teamId) ?? { members: 0, resources: {} };
  }

  /** Member and resource counts of several teams in two grouped queries. */
  async contentsOf(
    teamIds: readonly string[],
    manager?: EntityManager,
  ): Promise<Map<string, TeamContents>> {
    const result = new Map<string, TeamContents>(
      teamIds.map((id) => [id, { members: 0, resources: {} }]),
    );
    for (const ids of chunked(teamIds)) {
      const list = [this.sql.values.idList(ids)];
      const members = (await this.sql.run(manager, this.lists.memberCounts, list)) as {
        team_id: string;
        count: unknown;
      }[];
      for (const row of members) {
        const entry = result.get(row.team_id);
        if (entry) entry.members = this.sql.values.readCount(row.count);
      }
      const resources = (await this.sql.run(manager, this.lists.resourceCounts, list)) as {
        team_id: string;
        kind: string;
        count: unknown;
      }[];
      for (const row of resources) {
        const entry = result.get(row.team_id);
        if (entry) entry.resources[row.kind] = this.sql.values.readCount(row.count);
      }
    }
    return result;
  }

  private toMember(row: MemberRow): TeamMember {
    return {
      userId: row.user_id,
      userName: row.user_name,
      displayName: row.display_name,
      active: this.sql.values.readBool(row.active),
    };
  }

  private columnValues(team: TeamEntity): unknown[] {
    const v = this.sql.values;
    return [
      team.id,
      team.organizationId,
      team.name,
      team.nameNormalized,
      team.slug,
      team.externalId,
      team.source,
      team.version,
      v.timestamp(team.createdAt),
      v.timestamp(team.updatedAt),
      v.timestampOrNull(team.deletedAt),
      team.deletedBy,
      v.timestampOrNull(team.purgeAfter),
    ];
  }

  private toEntity(row: TeamRow): TeamEntity {
    const v = this.sql.values;
    const team = new TeamEntity();
    team.id = row.id as string;
    team.organizationId = row.organization_id as string;
    team.name = row.name as string;
    team.nameNormalized = row.name_normalized as string;
    team.slug = row.slug as string;
    team.externalId = row.external_id as string | null;
    team.source = row.source as TeamEntity['source'];
    team.version = Number(row.version);
    team.createdAt = v.readDate(row.created_at);
    team.updatedAt = v.readDate(row.updated_at);
    team.deletedAt = v.readDateOrNull(row.deleted_at);
    team.deletedBy = row.deleted_by as string | null;
    team.purgeAfter = v.readDateOrNull(row.purge_after);
    return team;
  }
}

export function teamNameTaken(name: string): TeamsError {
  return new TeamsError('TEAM_NAME_TAKEN', `A team named "${name}" already exists.`);
}

export function teamNotFound(id: string): TeamsError {
  return new TeamsError('TEAM_NOT_FOUND', `Group ${id} not found.`);
}
