import { Injectable } from '@nestjs/common';
import { parseFilter } from '@rollcall/scim-core';
import type { Team } from '../domain/team';
import { toTeam } from '../persistence/team.mapper';
import { TypeOrmTeamStore } from '../persistence/typeorm-team.store';

export interface ListTeamsQuery {
  filter?: string;
  startIndex: number;
  count: number;
  sortBy?: string;
  sortOrder: 'ascending' | 'descending';
}

/** Live teams, filtered in SQL; members are not read here at all. */
@Injectable()
export class ListTeams {
  constructor(private readonly teams: TypeOrmTeamStore) {}

  async execute(
    organizationId: string,
    query: ListTeamsQuery,
  ): Promise<{ total: number; teams: Team[] }> {
    const page = await this.teams.page(organizationId, {
      ...query,
      filter: query.filter === undefined ? undefined : parseFilter(query.filter),
    });
    return { total: page.total, teams: page.teams.map(toTeam) };
  }
}
