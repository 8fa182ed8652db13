import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CreateTeamResource, DeleteTeamResource, ListTeamResources } from '@rollcall/teams';
import { AcceptsApiKeys } from '../auth/api-key-access.decorator';
import { CurrentCaller, type Caller } from '../auth/current-admin.decorator';
import { adminBodyPipe } from '../http/admin-body.pipe';
import { AdminRoutes, AdminWrite } from '../http/admin-routes.decorator';
import { ApiErrorDto } from '../http/api-error.dto';
import {
  CreateTeamResourceDto,
  TeamResourceDto,
  TeamResourceListDto,
  toTeamResourceDto,
} from './teams.dto';

/** Monitors, heartbeats, status pages and on-call calendars: what a team owns. */
@ApiTags('Admin: team resources')
@Controller('api/teams/:teamId/resources')
@AdminRoutes()
@AcceptsApiKeys()
export class TeamResourcesController {
  constructor(
    private readonly listTeamResources: ListTeamResources,
    private readonly createTeamResource: CreateTeamResource,
    private readonly deleteTeamResource: DeleteTeamResource,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'A team’s resources by kind and name',
    description: 'Also of a team pending deletion: what a purge would destroy.',
  })
  @ApiOkResponse({ type: TeamResourceListDto })
  @ApiNotFoundResponse({ type: ApiErrorDto, description: 'TEAM_NOT_FOUND' })
  async list(
    @CurrentCaller() admin: Caller,
    @Param('teamId') teamId: string,
  ): Promise<TeamResourceListDto> {
    const resources = await this.listTeamResources.execute(admin.organizationId, teamId);
    return { resources: resources.map(toTeamResourceDto) };
  }

  @Post()
  @HttpCode(201)
  @AdminWrite()
  @ApiOperation({ summary: 'Give a live team a resource' })
  @ApiCreatedResponse({ type: TeamResourceDto })
  @ApiBadRequestResponse({ type: ApiErrorDto, description: 'Unknown kind or blank name.' })
  @ApiNotFoundResponse({ type: ApiErrorDto, description: 'TEAM_NOT_FOUND' })
  async create(
    @CurrentCaller() admin: Caller,
    @Param('teamId') teamId: string,
    @Body(adminBodyPipe()) body: CreateTeamResourceDto,
  ): Promise<TeamResourceDto> {
    const resource = await this.createTeamResource.execute(
      admin.organizationId,
      teamId,
      {
        kind: body.kind,
        name: body.name,
      },
      admin.actor,
    );
    return toTeamResourceDto(resource);
  }

  @Delete(':resourceId')
  @HttpCode(204)
  @AdminWrite()
  @ApiOperation({ summary: 'Delete a resource of a team' })
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiNotFoundResponse({ type: ApiErrorDto, description: 'RESOURCE_NOT_FOUND' })
  async delete(
    @CurrentCaller() admin: Caller,
    @Param('teamId') teamId: string,
    @Param('resourceId') resourceId: string,
  ): Promise<void> {
    await this.deleteTeamResource.execute(admin.organizationId, teamId, resourceId, admin.actor);
  }
}
