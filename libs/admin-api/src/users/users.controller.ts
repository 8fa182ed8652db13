import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AcceptsApiKeys } from '../auth/api-key-access.decorator';
import { CurrentCaller, type Caller } from '../auth/current-admin.decorator';
import { adminQueryPipe } from '../http/admin-query.pipe';
import { AdminRoutes } from '../http/admin-routes.decorator';
import { ApiErrorDto } from '../http/api-error.dto';
import { AdminUserReader } from './admin-user.reader';
import { AdminUserDetailDto, AdminUserListDto, ListUsersQueryDto } from './users.dto';

/** The organization's members as Entra provisioned them, with their effective role and teams. */
@ApiTags('Admin: users')
@Controller('api/users')
@AdminRoutes()
@AcceptsApiKeys()
export class UsersController {
  constructor(private readonly users: AdminUserReader) {}

  @Get()
  @ApiOperation({
    summary: 'Users by userName, searchable and paged',
    description:
      '`search` matches part of the userName, display name or an e-mail (any case); `status` picks active or deactivated users. `role` is the effective role: explicit roleName > most privileged mapped group > organization default.',
  })
  @ApiOkResponse({ type: AdminUserListDto })
  @ApiBadRequestResponse({ type: ApiErrorDto, description: 'A parameter is not valid.' })
  list(
    @CurrentCaller() admin: Caller,
    @Query(adminQueryPipe()) query: ListUsersQueryDto,
  ): Promise<AdminUserListDto> {
    return this.users.list(admin.organizationId, {
      search: query.search,
      status: query.status ?? 'all',
      startIndex: query.startIndex ?? 1,
      count: query.count ?? 50,
    });
  }

  @Get(':id')
  @ApiOperation({ summary: 'A user, with the SCIM resource as stored' })
  @ApiOkResponse({ type: AdminUserDetailDto })
  @ApiNotFoundResponse({ type: ApiErrorDto, description: 'USER_NOT_FOUND' })
  detail(@CurrentCaller() admin: Caller, @Param('id') id: string): Promise<AdminUserDetailDto> {
    return this.users.detail(admin.organizationId, id);
  }
}
