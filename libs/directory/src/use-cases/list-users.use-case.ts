import { Injectable } from '@nestjs/common';
import { parseFilter } from '@rollcall/scim-core';
import type { DirectoryUser } from '../domain/directory-user';
import { TypeOrmUserStore } from '../persistence/typeorm-user.store';

export interface ListUsersQuery {
  /** A SCIM filter (RFC 7644 §3.4.2.2), compiled to SQL. */
  filter?: string;
  startIndex: number;
  count: number;
  sortBy?: string;
  sortOrder: 'ascending' | 'descending';
}

export interface UserList {
  total: number;
  users: DirectoryUser[];
}

@Injectable()
export class ListUsers {
  constructor(private readonly users: TypeOrmUserStore) {}

  async execute(organizationId: string, query: ListUsersQuery): Promise<UserList> {
    return this.users.page(organizationId, {
      ...query,
      filter: query.filter === undefined ? undefined : parseFilter(query.filter),
    });
  }
}
