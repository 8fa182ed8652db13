import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SqlRunner, SqlStatement, bindNamedParameters, totalOfPage } from '@rollcall/db';
import { compileFilter, compileSortBy, type FilterNode } from '@rollcall/scim-core';
import type { Team } from '../domain/team';
import { teamFilterTarget } from './team.filter-target';
import { SELECT_TEAMS, teamOf, type TeamRow } from './team.rows';

export interface TeamPageQuery {
  filter?: FilterNode;
  startIndex: number;
  count: number;
  sortBy?: string;
  sortOrder: 'ascending' | 'descending';
}

const LIVE = `${SELECT_TEAMS} WHERE t.organization_id = ? AND t.deleted_at IS NULL`;
// The dashboard's list: by name, at most 1000; a search matches anywhere in the name.
const LIVE_BY_NAME = new SqlStatement(`${LIVE} ORDER BY t.name_normalized ASC LIMIT 1000`);
const LIVE_BY_NAME_MATCHING = new SqlStatement(
  `${LIVE} AND t.name_normalized LIKE ? ESCAPE '\\' ORDER BY t.name_normalized ASC LIMIT 1000`,
);
const PENDING_DELETION = new SqlStatement(
  `${SELECT_TEAMS} WHERE t.organization_id = ? AND t.deleted_at IS NOT NULL ORDER BY t.deleted_at DESC LIMIT 500`,
);
/** Lists of teams: SCIM's pages under a filter, the dashboard's lists. */
@Injectable()
export class TeamListStore {
  private readonly sql: SqlRunner;

  constructor(dataSource: DataSource) {
    this.sql = new SqlRunner(dataSource);
  }

  /** Live teams by name, at most 1000, those whose name contains `search` when given. */
  async listLive(organizationId: string, search?: string): Promise<Team[]> {
    const term = search?.trim().toLowerCase();
    const rows = term
      ? await this.sql.run<TeamRow>(undefined, LIVE_BY_NAME_MATCHING, [
          organizationId,
          `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
        ])
      : await this.sql.run<TeamRow>(undefined, LIVE_BY_NAME, [organizationId]);
    return rows.map((row) => teamOf(row, this.sql.values));
  }

  /** Teams pending deletion, most recently deleted first, at most 500. */
  async listPendingDeletion(organizationId: string): Promise<Team[]> {
    const rows = await this.sql.run<TeamRow>(undefined, PENDING_DELETION, [organizationId]);
    return rows.map((row) => teamOf(row, this.sql.values));
  }

  async page(
    organizationId: string,
    query: TeamPageQuery,
  ): Promise<{ total: number; teams: Team[] }> {
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
    const teams = rows.map((row) => teamOf(row, this.sql.values));
    // A page that is not full ends the list (Entra's `displayName eq` look-ups): no COUNT.
    const total = await totalOfPage(query.startIndex, query.count, teams.length, countAll);
    return { total, teams };
  }
}
