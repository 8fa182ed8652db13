import { Body, Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ROLE_PRECEDENCE } from '@rollcall/contracts';
import {
  ListGroupRoleMappings,
  RemoveGroupRoleMapping,
  SetGroupRoleMapping,
} from '@rollcall/teams';
import { AcceptsApiKeys } from '../auth/api-key-access.decorator';
import { CurrentCaller, type Caller } from '../auth/current-admin.decorator';
import { adminBodyPipe } from '../http/admin-body.pipe';
import { AdminRoutes, AdminWrite } from '../http/admin-routes.decorator';
import { ApiErrorDto } from '../http/api-error.dto';
import {
  GroupRoleMappingDto,
  GroupRoleMappingListDto,
  SetGroupRoleMappingDto,
  toGroupRoleMappingDto,
} from './group-role-mappings.dto';

/** Roles from groups: members of a mapped Entra group get its role. */
@ApiTags('Admin: role mappings')
@Controller('api/group-role-mappings')
@AdminRoutes()
@AcceptsApiKeys()
export class GroupRoleMappingsController {
  constructor(
    private readonly listGroupRoleMappings: ListGroupRoleMappings,
    private readonly setGroupRoleMapping: SetGroupRoleMapping,
    private readonly removeGroupRoleMapping: RemoveGroupRoleMapping,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Group → role mappings, by group name', description: ROLE_PRECEDENCE })
  @ApiOkResponse({ type: GroupRoleMappingListDto })
  async list(@CurrentCaller() admin: Caller): Promise<GroupRoleMappingListDto> {
    const mappings = await this.listGroupRoleMappings.execute(admin.organizationId);
    return { mappings: mappings.map(toGroupRoleMappingDto), precedence: ROLE_PRECEDENCE };
  }

  @Put()
  @HttpCode(200)
  @AdminWrite()
  @ApiOperation({
    summary: 'Map a group name to a role (replaces its mapping)',
    description: `The group need not exist yet; names match in any case. ${ROLE_PRECEDENCE}`,
  })
  @ApiOkResponse({ type: GroupRoleMappingDto })
  @ApiBadRequestResponse({ type: ApiErrorDto, description: 'Blank group name or unknown role.' })
  async set(
    @CurrentCaller() admin: Caller,
    @Body(adminBodyPipe()) body: SetGroupRoleMappingDto,
  ): Promise<GroupRoleMappingDto> {
    const mapping = await this.setGroupRoleMapping.execute(
      admin.organizationId,
      body.groupName,
      body.role,
      admin.actor,
    );
    return toGroupRoleMappingDto(mapping);
  }

  @Delete(':groupName')
  @HttpCode(204)
  @AdminWrite()
  @ApiOperation({
    summary: 'Remove the mapping of a group name',
    description: 'Idempotent: removing a mapping that does not exist is not an error.',
  })
  @ApiNoContentResponse({ description: 'Removed (or there was none).' })
  async remove(
    @CurrentCaller() admin: Caller,
    @Param('groupName') groupName: string,
  ): Promise<void> {
    await this.removeGroupRoleMapping.execute(admin.organizationId, groupName, admin.actor);
  }
}
