import { Injectable } from '@nestjs/common';
import {
  ENTERPRISE_USER_SCHEMA_URN,
  ROLLCALL_USER_SCHEMA_URN,
  USER_SCHEMA_URN,
} from '@rollcall/scim-core';
import { GetUser, ListUsers, type DirectoryUser } from '@rollcall/directory';
import { ListTeamsOfUsers, ResolveEffectiveRoles, type UserTeam } from '@rollcall/teams';
import type { UserStatusFilter } from '@rollcall/contracts';
import { isoDate } from '../http/iso-date.format';
import { userSearchFilter } from './user-search.filter';
import type {
  AdminUserDetailDto,
  AdminUserDto,
  AdminUserListDto,
  EffectiveRoleDto,
} from './users.dto';

export interface AdminUserQuery {
  search?: string;
  status: UserStatusFilter;
  startIndex: number;
  count: number;
}

const EXTENSIONS = [ENTERPRISE_USER_SCHEMA_URN, ROLLCALL_USER_SCHEMA_URN];

/**
 * The Users page: directory users with their effective role and teams, each looked up once
 * per page (three queries per page, whatever its size).
 */
@Injectable()
export class AdminUserReader {
  constructor(
    private readonly listUsers: ListUsers,
    private readonly getUser: GetUser,
    private readonly resolveEffectiveRoles: ResolveEffectiveRoles,
    private readonly listTeamsOfUsers: ListTeamsOfUsers,
  ) {}

  async list(organizationId: string, query: AdminUserQuery): Promise<AdminUserListDto> {
    const { total, users } = await this.listUsers.execute(organizationId, {
      filter: userSearchFilter(query.search, query.status),
      startIndex: query.startIndex,
      count: query.count,
      sortBy: 'userName',
      sortOrder: 'ascending',
    });
    return {
      total,
      startIndex: query.startIndex,
      users: await this.present(organizationId, users),
    };
  }

  async detail(organizationId: string, id: string): Promise<AdminUserDetailDto> {
    const user = await this.getUser.execute(organizationId, id);
    const [view] = await this.present(organizationId, [user]);
    if (!view) throw new Error('A user presented to nothing.');
    return { ...view, scim: scimDocument(user) };
  }

  private async present(
    organizationId: string,
    users: readonly DirectoryUser[],
  ): Promise<AdminUserDto[]> {
    const ids = users.map((user) => user.id);
    const roles = await this.resolveEffectiveRoles.execute(organizationId, ids);
    const teams = await this.listTeamsOfUsers.execute(organizationId, ids);
    return users.map((user) => toAdminUserDto(user, roles.get(user.id), teams.get(user.id)));
  }
}

function toAdminUserDto(
  user: DirectoryUser,
  role: EffectiveRoleDto | undefined,
  teams: readonly UserTeam[] | undefined,
): AdminUserDto {
  return {
    id: user.id,
    userName: user.userName,
    displayName: user.displayName,
    email: user.email,
    active: user.active,
    source: user.source,
    role: role ?? { role: 'member', source: 'default' },
    teams: (teams ?? []).map(({ id, name }) => ({ id, name })),
    createdAt: isoDate(user.createdAt),
    updatedAt: isoDate(user.updatedAt),
  };
}

/** The stored SCIM document with the server-owned attributes SCIM clients see. */
function scimDocument(user: DirectoryUser): Record<string, unknown> {
  return {
    schemas: [USER_SCHEMA_URN, ...EXTENSIONS.filter((urn) => urn in user.document)],
    id: user.id,
    ...user.document,
    active: user.active,
    meta: {
      resourceType: 'User',
      created: isoDate(user.createdAt),
      lastModified: isoDate(user.updatedAt),
    },
  };
}
