import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { CreateTeam, ListDeletedTeams, ListOrganizationTeams } from '@rollcall/teams';
import { AcceptsApiKeys } from '../auth/api-key-access.decorator';
import { CurrentCaller, type Caller } from '../auth/current-admin.decorator';
import { adminBodyPipe } from '../http/admin-body.pipe';
import { AdminRoutes, AdminWrite } from '../http/admin-routes.decorator';
import { ApiErrorDto } from '../http/api-error.dto';
import { AdminTeamReader } from './admin-team.reader';
import {
  CreateTeamDto,
  PendingTeamDeletionListDto,
  TeamDetailDto,
  TeamListDto,
  TeamSummaryDto,
  toPendingTeamDeletionDto,
  toTeamSummaryDto,
} from './teams.dto';

/** Teams: Entra groups (managed by Entra) and teams made in the dashboard. */
@ApiTags('Admin: teams')
@Controller('api/teams')
@AdminRoutes()
@AcceptsApiKeys()
export class TeamsController {
  constructor(
    private readonly listOrganizationTeams: ListOrganizationTeams,
    private readonly createTeam: CreateTeam,
    private readonly listDeletedTeams: ListDeletedTeams,
    private readonly teamReader: AdminTeamReader,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Live teams by name, with member and resource counts' })
  @ApiQuery({ name: 'search', required: false, description: 'Part of the name, any case.' })
  @ApiOkResponse({ type: TeamListDto })
  async list(
    @CurrentCaller() admin: Caller,
    @Query('search') search?: unknown,
  ): Promise<TeamListDto> {
    const text = typeof search === 'string' ? search.slice(0, 256) : undefined;
    const summaries = await this.listOrganizationTeams.execute(admin.organizationId, text);
    return { teams: summaries.map((summary) => toTeamSummaryDto(summary.team, summary)) };
  }

  @Post()
  @HttpCode(201)
  @AdminWrite()
  @ApiOperation({
    summary: 'Create a team in the dashboard',
    description: 'A manual team: Entra does not manage it.',
  })
  @ApiCreatedResponse({ type: TeamSummaryDto })
  @ApiBadRequestResponse({ type: ApiErrorDto, description: 'The name is missing or too long.' })
  @ApiConflictResponse({ type: ApiErrorDto, description: 'TEAM_NAME_TAKEN' })
  async create(
    @CurrentCaller() admin: Caller,
    @Body(adminBodyPipe()) body: CreateTeamDto,
  ): Promise<TeamSummaryDto> {
    const team = await this.createTeam.execute(
      admin.organizationId,
      {
        name: body.name.trim(),
        source: 'manual',
      },
      admin.actor,
    );
    return toTeamSummaryDto(team, { members: 0, resources: {} });
  }

  // Declared before `:id`, which would otherwise take "deleted" for a team id.
  @Get('deleted')
  @ApiOperation({
    summary: 'Teams pending deletion',
    description:
      'Deleted by Entra (`scim:<token prefix>`), an admin (`admin:<e-mail>`) or an API key (`api_key:<name>`), newest first, with what each still holds and when it is purged. Restore one with POST /api/teams/{id}/restore.',
  })
  @ApiOkResponse({ type: PendingTeamDeletionListDto })
  async deleted(@CurrentCaller() admin: Caller): Promise<PendingTeamDeletionListDto> {
    const teams = await this.listDeletedTeams.execute(admin.organizationId);
    return { teams: teams.map(toPendingTeamDeletionDto) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'A team with its first 200 members and its resources' })
  @ApiOkResponse({ type: TeamDetailDto })
  @ApiNotFoundResponse({ type: ApiErrorDto, description: 'TEAM_NOT_FOUND' })
  detail(@CurrentCaller() admin: Caller, @Param('id') id: string): Promise<TeamDetailDto> {
    return this.teamReader.detail(admin.organizationId, id);
  }
}
