import { Injectable } from '@nestjs/common';
import { parseFilter } from '@rollcall/scim-core';
import type { Team } from '../domain/team';
import { TeamListStore } from '../persistence/team-list.store';

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
  constructor(private readonly lists: TeamListStore) {}

  async execute(
    organizationId: string,
    query: ListTeamsQuery,
  ): Promise<{ total: number; teams: Team[] }> {
    return this.lists.page(organizationId, {
      ...query,
      filter: query.filter === undefined ? undefined : parseFilter(query.filter),
    });
  }
}
