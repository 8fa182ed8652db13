import { Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { DeleteTeam, PreviewTeamDeletion, PurgeTeam, RestoreTeam } from '@rollcall/teams';
import { AcceptsApiKeys } from '../auth/api-key-access.decorator';
import { CurrentCaller, type Caller } from '../auth/current-admin.decorator';
import { AdminRoutes, AdminWrite } from '../http/admin-routes.decorator';
import { ApiErrorDto } from '../http/api-error.dto';
import { isoDateOrNull } from '../http/iso-date.format';
import { AdminTeamReader } from './admin-team.reader';
import {
  TeamDeletionDto,
  TeamDeletionPreviewDto,
  TeamSummaryDto,
  toResourceCounts,
  toTeamSummaryDto,
} from './teams.dto';

/** Deleting a team is the product's one data-loss event: warned about, and undoable for a while. */
@ApiTags('Admin: teams')
@Controller('api/teams')
@AdminRoutes()
@AcceptsApiKeys()
export class TeamDeletionController {
  constructor(
    private readonly previewTeamDeletion: PreviewTeamDeletion,
    private readonly deleteTeam: DeleteTeam,
    private readonly restoreTeam: RestoreTeam,
    private readonly purgeTeam: PurgeTeam,
    private readonly teamReader: AdminTeamReader,
  ) {}

  @Get(':id/deletion-preview')
  @ApiOperation({
    summary: 'What deleting the team would destroy',
    description: 'Member count, resources by kind and the retention window, for the warning.',
  })
  @ApiOkResponse({ type: TeamDeletionPreviewDto })
  @ApiNotFoundResponse({ type: ApiErrorDto, description: 'TEAM_NOT_FOUND' })
  async preview(
    @CurrentCaller() admin: Caller,
    @Param('id') id: string,
  ): Promise<TeamDeletionPreviewDto> {
    const preview = await this.previewTeamDeletion.execute(admin.organizationId, id);
    return {
      team: toTeamSummaryDto(preview.team, preview),
      members: preview.members,
      resources: toResourceCounts(preview.resources),
      retentionDays: preview.retentionDays,
    };
  }

  @Delete(':id')
  @HttpCode(200)
  @AdminWrite()
  @ApiOperation({
    summary: 'Delete a team with its memberships and resources',
    description:
      'The team moves to pending deletion for the retention window and can be restored until `purgeAfter`; with a window of 0 it is deleted at once and for good (`purgeAfter: null`). A team managed by Entra may be recreated by the next sync if its group is still assigned.',
  })
  @ApiOkResponse({ type: TeamDeletionDto })
  @ApiNotFoundResponse({ type: ApiErrorDto, description: 'TEAM_NOT_FOUND' })
  async delete(@CurrentCaller() caller: Caller, @Param('id') id: string): Promise<TeamDeletionDto> {
    const deletion = await this.deleteTeam.execute(caller.organizationId, id, caller.actor);
    return { purgeAfter: isoDateOrNull(deletion.purgeAfter) };
  }

  @Post(':id/restore')
  @HttpCode(200)
  @AdminWrite()
  @ApiOperation({
    summary: 'Restore a team pending deletion',
    description: 'Members, resources and role mappings by name come back as they were.',
  })
  @ApiOkResponse({ type: TeamSummaryDto })
  @ApiNotFoundResponse({ type: ApiErrorDto, description: 'TEAM_NOT_FOUND (or purged already)' })
  @ApiConflictResponse({
    type: ApiErrorDto,
    description:
      'TEAM_NAME_TAKEN: a live team has the name now; TEAM_NOT_PENDING_DELETION: it is live.',
  })
  async restore(@CurrentCaller() admin: Caller, @Param('id') id: string): Promise<TeamSummaryDto> {
    await this.restoreTeam.execute(admin.organizationId, id, admin.actor);
    return this.teamReader.summary(admin.organizationId, id);
  }

  @Post(':id/purge')
  @HttpCode(204)
  @AdminWrite()
  @ApiOperation({
    summary: 'Purge a team pending deletion now',
    description:
      'Ends the retention window early: the team, its memberships and resources are deleted for good (`team.purged`), as the retention job does at `purgeAfter`. Cannot be undone.',
  })
  @ApiNoContentResponse({ description: 'Purged.' })
  @ApiNotFoundResponse({ type: ApiErrorDto, description: 'TEAM_NOT_FOUND (or purged already)' })
  @ApiConflictResponse({ type: ApiErrorDto, description: 'TEAM_NOT_PENDING_DELETION: it is live.' })
  async purge(@CurrentCaller() admin: Caller, @Param('id') id: string): Promise<void> {
    await this.purgeTeam.execute(admin.organizationId, id, admin.actor);
  }
}
