import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  SqlRunner,
  SqlStatement,
  appendEvents,
  inIdList,
  type SqlDialect,
  type Tx,
} from '@rollcall/db';
import { UserLookup } from '@rollcall/directory';
import { movedRoles, type RoleWatch } from '../domain/role-watch';
import type { Team, UserTeam } from '../domain/team';
import { memberEvents } from '../domain/team-events';
import { chunked } from './chunked';
import { TypeOrmTeamStore } from './typeorm-team.store';

const REMOVE_USER_FROM_TEAMS = new SqlStatement(
  'DELETE FROM team_members WHERE user_id = ? AND team_id IN (SELECT id FROM teams WHERE organization_id = ?) RETURNING team_id',
);
/**
 * The same on PostgreSQL, the teams' new versions included: their rows are updated (locked)
 * before their memberships go, the order a group write takes them in, so the two cannot
 * deadlock.
 */
const REMOVE_USER_FROM_TEAMS_BUMPING = new SqlStatement(
  'WITH bumped AS (UPDATE teams SET version = version + 1, updated_at = ? WHERE organization_id = ? AND id IN (SELECT team_id FROM team_members WHERE user_id = ?) RETURNING id) DELETE FROM team_members WHERE user_id = ? AND team_id IN (SELECT id FROM bumped) RETURNING team_id',
);
const BUMP_TEAMS_OF_USER = new SqlStatement(
  'UPDATE teams SET version = version + 1, updated_at = ? WHERE organization_id = ? AND id IN (SELECT team_id FROM team_members WHERE user_id = ?)',
);
const MEMBER_IDS = new SqlStatement('SELECT user_id FROM team_members WHERE team_id = ?');
const MEMBER_ID_PAGE = new SqlStatement(
  'SELECT user_id FROM team_members WHERE team_id = ? AND user_id > ? ORDER BY user_id LIMIT ?',
);

/** Statements that take a list of ids as one parameter: their text depends on the dialect. */
function listStatements(dialect: SqlDialect) {
  return {
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
    memberIdsOf: new SqlStatement(
      `SELECT team_id, user_id FROM team_members WHERE ${inIdList('team_id', dialect)} ORDER BY user_id`,
    ),
    bumpVersions: new SqlStatement(
      `UPDATE teams SET version = version + 1, updated_at = ? WHERE ${inIdList('id', dialect)}`,
    ),
    teamsOfUsers: new SqlStatement(
      `SELECT tm.user_id, t.id, t.name FROM team_members tm JOIN teams t ON t.id = tm.team_id AND t.deleted_at IS NULL WHERE t.organization_id = ? AND ${inIdList('tm.user_id', dialect)} ORDER BY t.name`,
    ),
  };
}

/**
 * The `team_members` table: who is in which team. Every membership made or ended is told,
 * one `team.member_added` / `team.member_removed` per member whose membership actually
 * changed, after the role changes it caused when the team's name is mapped to a role.
 * The rows hold ids only: names and states of the users are the directory's (`UserLookup`).
 */
@Injectable()
export class TeamMemberStore {
  private readonly sql: SqlRunner;
  private readonly lists: ReturnType<typeof listStatements>;

  constructor(
    dataSource: DataSource,
    private readonly teams: TypeOrmTeamStore,
    private readonly users: UserLookup,
  ) {
    this.sql = new SqlRunner(dataSource);
    this.lists = listStatements(this.sql.dialect);
  }

  /**
   * Adding a member twice is not an error (Entra retries): existing rows are kept, and told
   * nothing. `userNames` are those of users already known to be in the team's organization.
   * Returns the ids that were not members before, the ones whose membership this call made.
   */
  async add(
    tx: Tx,
    team: Team,
    userIds: readonly string[],
    userNames: ReadonlyMap<string, string>,
    now: Date,
    actor: string,
    roles?: RoleWatch,
  ): Promise<string[]> {
    const added: string[] = [];
    for (const ids of chunked([...new Set(userIds)])) {
      const rows = await this.sql.run<{ user_id: string }>(tx, this.lists.addMembers, [
        team.id,
        this.sql.values.timestamp(now),
        this.sql.values.idList(ids),
      ]);
      for (const row of rows) added.push(row.user_id);
    }
    appendEvents(tx, [
      ...(await movedRoles(roles)),
      ...memberEvents('team.member_added', team, added, userNames, actor),
    ]);
    return added;
  }

  /**
   * Removing someone who is not a member (any more) is not an error and tells nothing.
   * Returns the ids that were members, the ones whose membership this call ended.
   */
  async remove(
    tx: Tx,
    team: Team,
    userIds: readonly string[],
    actor: string,
    roles?: RoleWatch,
  ): Promise<string[]> {
    const removed: string[] = [];
    for (const ids of chunked([...new Set(userIds)])) {
      const rows = await this.sql.run<{ user_id: string }>(tx, this.lists.removeMembers, [
        team.id,
        this.sql.values.idList(ids),
      ]);
      for (const row of rows) removed.push(row.user_id);
    }
    const moved = await movedRoles(roles);
    if (removed.length === 0) {
      appendEvents(tx, moved);
      return removed;
    }
    const names = await this.userNames(tx, team.organizationId, removed);
    appendEvents(tx, [
      ...moved,
      ...memberEvents('team.member_removed', team, removed, names, actor),
    ]);
    return removed;
  }

  /**
   * A user about to be deleted leaves every team (live ones and those pending deletion), one
   * `team.member_removed` each, instead of a silent foreign-key cascade. Their teams get a
   * new version (a group's ETag changes with its members). One statement for a user in no
   * team (the usual case); the teams' rows only when needed. The teams' ids.
   */
  /**
   * A member's name changed: every group that lists them shows it (`members[].display`), so each
   * gets a new version and ETag. One statement whatever the number of teams.
   */
  async bumpTeamsOfUser(tx: Tx, organizationId: string, userId: string): Promise<void> {
    const now = this.sql.values.timestamp(new Date());
    await this.sql.run(tx, BUMP_TEAMS_OF_USER, [now, organizationId, userId]);
  }

  async removeUserFromTeams(
    tx: Tx,
    organizationId: string,
    userId: string,
    actor: string,
  ): Promise<string[]> {
    const now = this.sql.values.timestamp(new Date());
    const rows =
      this.sql.dialect === 'postgres'
        ? await this.sql.run<{ team_id: string }>(tx, REMOVE_USER_FROM_TEAMS_BUMPING, [
            now,
            organizationId,
            userId,
            userId,
          ])
        : await this.sql.run<{ team_id: string }>(tx, REMOVE_USER_FROM_TEAMS, [
            userId,
            organizationId,
          ]);
    const teamIds = rows.map((row) => row.team_id);
    if (teamIds.length === 0) return teamIds;
    if (this.sql.dialect !== 'postgres') {
      // SQLite writers take turns (BEGIN IMMEDIATE): the order of the two cannot deadlock.
      for (const ids of chunked(teamIds)) {
        await this.sql.run(tx, this.lists.bumpVersions, [now, this.sql.values.idList(ids)]);
      }
    }
    const names = await this.userNames(tx, organizationId, [userId]);
    for (const team of await this.teams.teamsByIds(organizationId, teamIds, tx)) {
      appendEvents(tx, memberEvents('team.member_removed', team, [userId], names, actor));
    }
    return teamIds;
  }

  /** The ids of a team's members, inside `tx`'s transaction. */
  async memberIds(tx: Tx, teamId: string): Promise<string[]> {
    const rows = await this.sql.run<{ user_id: string }>(tx, MEMBER_IDS, [teamId]);
    return rows.map((row) => row.user_id);
  }

  /**
   * Member ids in pages of `size`, in id order, so a team of any size is read in bounded
   * statements. Each page reads one row more than it yields, to know whether another page
   * follows: a team that fits in one page is one statement.
   */
  async *memberIdPages(teamId: string, size: number): AsyncGenerator<string[]> {
    let after = '';
    for (;;) {
      const rows = await this.sql.run<{ user_id: string }>(undefined, MEMBER_ID_PAGE, [
        teamId,
        after,
        size + 1,
      ]);
      const page = rows.slice(0, size).map((row) => row.user_id);
      if (page.length > 0) yield page;
      if (rows.length <= size) return;
      after = page[page.length - 1] ?? after;
    }
  }

  /** Member ids of several teams at once (a list page of groups with members), in id order. */
  async memberIdsOf(teamIds: readonly string[]): Promise<Map<string, string[]>> {
    const byTeam = new Map<string, string[]>(teamIds.map((id) => [id, []]));
    for (const ids of chunked(teamIds)) {
      const rows = await this.sql.run<{ team_id: string; user_id: string }>(
        undefined,
        this.lists.memberIdsOf,
        [this.sql.values.idList(ids)],
      );
      for (const row of rows) byTeam.get(row.team_id)?.push(row.user_id);
    }
    return byTeam;
  }

  /** The live teams of each user, by team name. */
  async teamsOfUsers(
    organizationId: string,
    userIds: readonly string[],
  ): Promise<Map<string, UserTeam[]>> {
    const result = new Map<string, UserTeam[]>(userIds.map((id) => [id, []]));
    for (const ids of chunked(userIds)) {
      const rows = await this.sql.run<{ user_id: string; id: string; name: string }>(
        undefined,
        this.lists.teamsOfUsers,
        [organizationId, this.sql.values.idList(ids)],
      );
      for (const { user_id: userId, id, name } of rows) result.get(userId)?.push({ id, name });
    }
    return result;
  }

  /** userNames by id, for the events of members removed (the users are still there). */
  private async userNames(
    tx: Tx,
    organizationId: string,
    userIds: readonly string[],
  ): Promise<Map<string, string>> {
    const users = await this.users.summaries(organizationId, userIds, tx);
    return new Map([...users].map(([id, user]) => [id, user.userName]));
  }
}
