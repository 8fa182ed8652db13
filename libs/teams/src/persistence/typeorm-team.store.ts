import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  SqlRunner,
  SqlStatement,
  appendEvents,
  inIdList,
  isUniqueViolation,
  type SqlDialect,
  type Tx,
} from '@rollcall/db';
import { movedRoles, type RoleWatch } from '../domain/role-watch';
import type { Team, TeamContents } from '../domain/team';
import { changedTeamAttributes, teamEvent } from '../domain/team-events';
import { teamNameTaken } from '../domain/teams.error';
import { chunked } from './chunked';
import {
  INSERT_TEAM,
  SELECT_TEAMS,
  UPDATE_TEAM,
  teamColumnValues,
  teamOf,
  type TeamRow,
} from './team.rows';

const FIND_ANY = new SqlStatement(`${SELECT_TEAMS} WHERE t.organization_id = ? AND t.id = ?`);
const FIND_LIVE = FIND_ANY.append('AND t.deleted_at IS NULL');
const DUE_FOR_PURGE = new SqlStatement(
  `${SELECT_TEAMS} WHERE t.purge_after <= ? ORDER BY t.purge_after LIMIT ?`,
);
const NAME_OWNER = new SqlStatement(
  'SELECT id FROM teams WHERE organization_id = ? AND name_normalized = ? AND deleted_at IS NULL',
);
/** Statements that take a list of ids as one parameter: their text depends on the dialect. */
function listStatements(dialect: SqlDialect) {
  return {
    teamsByIds: new SqlStatement(
      `${SELECT_TEAMS} WHERE t.organization_id = ? AND ${inIdList('t.id', dialect)} ORDER BY t.id`,
    ),
    deleteTeams: new SqlStatement(`DELETE FROM teams WHERE ${inIdList('id', dialect)}`),
    memberCounts: new SqlStatement(
      `SELECT team_id, COUNT(*) AS count FROM team_members WHERE ${inIdList('team_id', dialect)} GROUP BY team_id`,
    ),
    resourceCounts: new SqlStatement(
      `SELECT team_id, kind, COUNT(*) AS count FROM team_resources WHERE ${inIdList('team_id', dialect)} GROUP BY team_id, kind`,
    ),
  };
}

/**
 * The `teams` table: team rows read and written, each write with its events. A write that
 * can move members' roles (a rename of a mapped group, a deletion, a restore) is given the
 * watch that tells those moves.
 */
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
  findLive(organizationId: string, id: string, tx?: Tx): Promise<Team | null> {
    return this.findOne(FIND_LIVE, organizationId, id, tx);
  }

  /** A team live or pending deletion, locked like `findLive`. */
  findAny(organizationId: string, id: string, tx?: Tx): Promise<Team | null> {
    return this.findOne(FIND_ANY, organizationId, id, tx);
  }

  private async findOne(
    statement: SqlStatement,
    organizationId: string,
    id: string,
    tx: Tx | undefined,
  ): Promise<Team | null> {
    const locked =
      tx && this.sql.dialect === 'postgres' ? statement.append('FOR UPDATE') : statement;
    const rows = await this.sql.run<TeamRow>(tx, locked, [organizationId, id]);
    return rows[0] ? teamOf(rows[0], this.sql.values) : null;
  }

  /** Teams of the organization by id, live or pending deletion, in id order. */
  async teamsByIds(organizationId: string, teamIds: readonly string[], tx?: Tx): Promise<Team[]> {
    const teams: Team[] = [];
    for (const ids of chunked([...teamIds].sort())) {
      const rows = await this.sql.run<TeamRow>(tx, this.lists.teamsByIds, [
        organizationId,
        this.sql.values.idList(ids),
      ]);
      teams.push(...rows.map((row) => teamOf(row, this.sql.values)));
    }
    return teams;
  }

  async nameTaken(
    tx: Tx,
    organizationId: string,
    nameNormalized: string,
    exceptId?: string,
  ): Promise<boolean> {
    const owner = await this.liveTeamNamed(tx, organizationId, nameNormalized);
    return owner !== null && owner !== exceptId;
  }

  /** The id of the live team with this (normalized) name, if there is one. */
  async liveTeamNamed(
    tx: Tx,
    organizationId: string,
    nameNormalized: string,
  ): Promise<string | null> {
    const rows = await this.sql.run<{ id: string }>(tx, NAME_OWNER, [
      organizationId,
      nameNormalized,
    ]);
    return rows[0]?.id ?? null;
  }

  /**
   * Teams past their retention window, locked for this transaction; on PostgreSQL another
   * replica's purge skips them (SKIP LOCKED) instead of waiting to find them gone.
   */
  async dueForPurge(tx: Tx, now: Date, limit: number): Promise<Team[]> {
    const statement =
      this.sql.dialect === 'postgres'
        ? DUE_FOR_PURGE.append('FOR UPDATE OF t SKIP LOCKED')
        : DUE_FOR_PURGE;
    const rows = await this.sql.run<TeamRow>(tx, statement, [
      this.sql.values.timestamp(now),
      limit,
    ]);
    return rows.map((row) => teamOf(row, this.sql.values));
  }

  async contents(teamId: string, tx?: Tx): Promise<TeamContents> {
    return (await this.contentsOf([teamId], tx)).get(teamId) ?? { members: 0, resources: {} };
  }

  /** Member and resource counts of several teams in two grouped queries. */
  async contentsOf(teamIds: readonly string[], tx?: Tx): Promise<Map<string, TeamContents>> {
    const result = new Map<string, TeamContents>(
      teamIds.map((id) => [id, { members: 0, resources: {} }]),
    );
    for (const ids of chunked(teamIds)) {
      const list = [this.sql.values.idList(ids)];
      const members = await this.sql.run<{ team_id: string; count: unknown }>(
        tx,
        this.lists.memberCounts,
        list,
      );
      for (const row of members) {
        const entry = result.get(row.team_id);
        if (entry) entry.members = this.sql.values.readCount(row.count);
      }
      const resources = await this.sql.run<{ team_id: string; kind: string; count: unknown }>(
        tx,
        this.lists.resourceCounts,
        list,
      );
      for (const row of resources) {
        const entry = result.get(row.team_id);
        if (entry) entry.resources[row.kind] = this.sql.values.readCount(row.count);
      }
    }
    return result;
  }

  /** A new team, told as `team.created`. */
  async create(tx: Tx, team: Team, actor: string): Promise<void> {
    await this.write(tx, INSERT_TEAM, team, true);
    appendEvents(tx, [teamEvent('team.created', team, actor)]);
  }

  /**
   * The team as `after` (a new name or externalId, or only a new version), told as
   * `team.updated` when the name or externalId changed.
   */
  async update(tx: Tx, before: Team, after: Team, actor: string, roles?: RoleWatch): Promise<void> {
    await this.write(tx, UPDATE_TEAM, after, false);
    const changed = changedTeamAttributes(before, after);
    appendEvents(tx, [
      ...(await movedRoles(roles)),
      ...(changed.length > 0 ? [teamEvent('team.updated', after, actor, { changed })] : []),
    ]);
  }

  /**
   * A live team moved to pending deletion until `purgeAfter`, told as
   * `team.deletion_scheduled` with what it holds. The team as it is now.
   */
  async scheduleDeletion(
    tx: Tx,
    team: Team,
    deletion: { deletedBy: string; at: Date; purgeAfter: Date },
    roles?: RoleWatch,
  ): Promise<Team> {
    const { deletedBy, at, purgeAfter } = deletion;
    const deleted: Team = {
      ...team,
      deletedAt: at,
      deletedBy,
      purgeAfter,
      updatedAt: at,
      version: team.version + 1,
    };
    const contents = await this.contents(team.id, tx);
    await this.write(tx, UPDATE_TEAM, deleted, false);
    appendEvents(tx, [
      ...(await movedRoles(roles)),
      teamEvent('team.deletion_scheduled', deleted, deletedBy, {
        purgeAfter: purgeAfter.toISOString(),
        contents,
      }),
    ]);
    return deleted;
  }

  /** A team pending deletion made live again, told as `team.restored`. The team as it is now. */
  async restore(tx: Tx, team: Team, actor: string, at: Date, roles?: RoleWatch): Promise<Team> {
    const restored: Team = {
      ...team,
      deletedAt: null,
      deletedBy: null,
      purgeAfter: null,
      updatedAt: at,
      version: team.version + 1,
    };
    await this.write(tx, UPDATE_TEAM, restored, false);
    appendEvents(tx, [...(await movedRoles(roles)), teamEvent('team.restored', restored, actor)]);
    return restored;
  }

  /**
   * Teams, with their members and resources (foreign keys), for good: one `team.purged` each,
   * with what it held.
   */
  async purge(tx: Tx, teams: readonly Team[], actor: string, roles?: RoleWatch): Promise<void> {
    const ids = teams.map((team) => team.id);
    const contents = await this.contentsOf(ids, tx);
    for (const chunk of chunked(ids)) {
      await this.sql.run(tx, this.lists.deleteTeams, [this.sql.values.idList(chunk)]);
    }
    appendEvents(tx, [
      ...(await movedRoles(roles)),
      ...teams.map((team) =>
        teamEvent('team.purged', team, actor, { contents: contents.get(team.id) }),
      ),
    ]);
  }

  private async write(tx: Tx, statement: SqlStatement, team: Team, isNew: boolean): Promise<void> {
    const [id, organizationId, ...changes] = teamColumnValues(team, this.sql.values);
    try {
      await this.sql.run(
        tx,
        statement,
        isNew ? [id, organizationId, ...changes] : [...changes, id, organizationId],
      );
    } catch (error) {
      if (isUniqueViolation(error)) throw teamNameTaken(team.name);
      throw error;
    }
  }
}
