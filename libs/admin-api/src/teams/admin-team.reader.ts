import { Injectable } from '@nestjs/common';
import { MAX_TEAM_DETAIL_MEMBERS } from '@rollcall/contracts';
import { ListTeamResources, PreviewTeamDeletion, ReadTeamMembers } from '@rollcall/teams';
import {
  toTeamResourceDto,
  toTeamSummaryDto,
  type TeamDetailDto,
  type TeamMemberDto,
  type TeamSummaryDto,
} from './teams.dto';

/**
 * The dashboard's views of one team, put together from the teams and directory use cases
 * (a view, not a rule: the rules stay in those libs).
 */
@Injectable()
export class AdminTeamReader {
  constructor(
    private readonly previewTeamDeletion: PreviewTeamDeletion,
    private readonly readTeamMembers: ReadTeamMembers,
    private readonly listTeamResources: ListTeamResources,
  ) {}

  /** A live team with its counts (the preview is exactly "team + what it holds"). */
  async summary(organizationId: string, teamId: string): Promise<TeamSummaryDto> {
    const preview = await this.previewTeamDeletion.execute(organizationId, teamId);
    return toTeamSummaryDto(preview.team, preview);
  }

  async detail(organizationId: string, teamId: string): Promise<TeamDetailDto> {
    const team = await this.summary(organizationId, teamId);
    const members = await this.firstMembers(organizationId, teamId);
    const resources = await this.listTeamResources.execute(organizationId, teamId);
    return { team, members, resources: resources.map(toTeamResourceDto) };
  }

  private async firstMembers(organizationId: string, teamId: string): Promise<TeamMemberDto[]> {
    const members = await this.readTeamMembers.first(
      organizationId,
      teamId,
      MAX_TEAM_DETAIL_MEMBERS,
    );
    return members.map((member) => ({
      id: member.userId,
      userName: member.userName,
      displayName: member.displayName,
      active: member.active,
    }));
  }
}
