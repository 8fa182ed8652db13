import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';
import { IsIn, IsString, Matches, MaxLength } from 'class-validator';
import {
  TEAM_RESOURCE_KIND_NAMES,
  type CreateTeamRequest,
  type CreateTeamResourceRequest,
  type PendingTeamDeletionListView,
  type PendingTeamDeletionView,
  type ResourceCounts,
  type TeamDeletionPreviewView,
  type TeamDeletionView,
  type TeamDetailView,
  type TeamListView,
  type TeamMemberView,
  type TeamResourceKindName,
  type TeamResourceListView,
  type TeamResourceView,
  type TeamSource,
  type TeamSummaryView,
} from '@rollcall/contracts';
import type {
  DeletedTeam,
  Team,
  TeamContents,
  TeamResource,
  TeamResourceKind,
} from '@rollcall/teams';
import { isoDate, isoDateOrNull } from '../http/iso-date.format';

// The dashboard's kinds (contracts) and the domain's kinds (teams) are one list: this line
// stops compiling when they drift apart.
const KINDS_AGREE: [TeamResourceKind] extends [TeamResourceKindName]
  ? [TeamResourceKindName] extends [TeamResourceKind]
    ? true
    : false
  : false = true;
void KINDS_AGREE;

const NOT_BLANK = /\S/;

export class CreateTeamDto implements CreateTeamRequest {
  @ApiProperty({ example: 'Platform', maxLength: 256 })
  @IsString()
  @MaxLength(256)
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  name!: string;
}

export class CreateTeamResourceDto implements CreateTeamResourceRequest {
  @ApiProperty({ enum: TEAM_RESOURCE_KIND_NAMES })
  @IsIn(TEAM_RESOURCE_KIND_NAMES)
  kind!: TeamResourceKindName;

  @ApiProperty({ example: 'API uptime', maxLength: 200 })
  @IsString()
  @MaxLength(200)
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  name!: string;
}

const RESOURCE_COUNTS_SCHEMA: ApiPropertyOptions = {
  type: 'object',
  properties: Object.fromEntries(TEAM_RESOURCE_KIND_NAMES.map((k) => [k, { type: 'integer' }])),
  required: [],
  example: { monitor: 3, status_page: 1 },
  description: 'Resources by kind; kinds with none are left out.',
};

export class TeamSummaryDto implements TeamSummaryView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Platform' })
  name!: string;

  @ApiProperty({
    enum: ['scim', 'manual'],
    description: '`scim`: an Entra group, managed by Entra; `manual`: made in the dashboard.',
  })
  source!: TeamSource;

  @ApiProperty({ type: String, nullable: true })
  externalId!: string | null;

  @ApiProperty({ example: 12, description: 'Member count.' })
  members!: number;

  @ApiProperty(RESOURCE_COUNTS_SCHEMA)
  resources!: ResourceCounts;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

export class TeamListDto implements TeamListView {
  @ApiProperty({ type: [TeamSummaryDto] })
  teams!: TeamSummaryDto[];
}

export class TeamMemberDto implements TeamMemberView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'ada@acme.example' })
  userName!: string;

  @ApiProperty({ type: String, nullable: true, example: 'Ada Lovelace' })
  displayName!: string | null;

  @ApiProperty({ description: 'false: deactivated in Entra; the membership is kept.' })
  active!: boolean;
}

export class TeamResourceDto implements TeamResourceView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  teamId!: string;

  @ApiProperty({ enum: TEAM_RESOURCE_KIND_NAMES })
  kind!: TeamResourceKindName;

  @ApiProperty({ example: 'API uptime' })
  name!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class TeamResourceListDto implements TeamResourceListView {
  @ApiProperty({ type: [TeamResourceDto] })
  resources!: TeamResourceDto[];
}

export class TeamDetailDto implements TeamDetailView {
  @ApiProperty({ type: TeamSummaryDto })
  team!: TeamSummaryDto;

  @ApiProperty({ type: [TeamMemberDto], description: 'The first 200 members, by user id.' })
  members!: TeamMemberDto[];

  @ApiProperty({ type: [TeamResourceDto] })
  resources!: TeamResourceDto[];
}

export class TeamDeletionPreviewDto implements TeamDeletionPreviewView {
  @ApiProperty({ type: TeamSummaryDto })
  team!: TeamSummaryDto;

  @ApiProperty({ example: 12 })
  members!: number;

  @ApiProperty(RESOURCE_COUNTS_SCHEMA)
  resources!: ResourceCounts;

  @ApiProperty({ example: 30, description: '0: the delete is immediate and permanent.' })
  retentionDays!: number;
}

export class TeamDeletionDto implements TeamDeletionView {
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When it is purged for good; null when it is gone already (retention 0).',
  })
  purgeAfter!: string | null;
}

export class PendingTeamDeletionDto implements PendingTeamDeletionView {
  @ApiProperty({ type: TeamSummaryDto })
  team!: TeamSummaryDto;

  @ApiProperty({ example: 12 })
  members!: number;

  @ApiProperty(RESOURCE_COUNTS_SCHEMA)
  resources!: ResourceCounts;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'scim:rcs_3kF9a',
    description:
      '`admin:<e-mail>`, `api_key:<name>`, or `scim:<token prefix>` when Entra deleted the group.',
  })
  deletedBy!: string | null;

  @ApiProperty({ format: 'date-time' })
  deletedAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  purgeAfter!: string | null;
}

export class PendingTeamDeletionListDto implements PendingTeamDeletionListView {
  @ApiProperty({ type: [PendingTeamDeletionDto] })
  teams!: PendingTeamDeletionDto[];
}

export function toResourceCounts(resources: Record<string, number>): ResourceCounts {
  const counts: ResourceCounts = {};
  for (const kind of TEAM_RESOURCE_KIND_NAMES) {
    const count = resources[kind];
    if (count) counts[kind] = count;
  }
  return counts;
}

export function toTeamSummaryDto(team: Team, contents: TeamContents): TeamSummaryDto {
  return {
    id: team.id,
    name: team.name,
    source: team.source,
    externalId: team.externalId,
    members: contents.members,
    resources: toResourceCounts(contents.resources),
    createdAt: isoDate(team.createdAt),
    updatedAt: isoDate(team.updatedAt),
  };
}

export function toTeamResourceDto(resource: TeamResource): TeamResourceDto {
  return {
    id: resource.id,
    teamId: resource.teamId,
    kind: resource.kind as TeamResourceKindName,
    name: resource.name,
    createdAt: isoDate(resource.createdAt),
  };
}

export function toPendingTeamDeletionDto(deleted: DeletedTeam): PendingTeamDeletionDto {
  return {
    team: toTeamSummaryDto(deleted.team, deleted),
    members: deleted.members,
    resources: toResourceCounts(deleted.resources),
    deletedBy: deleted.team.deletedBy,
    deletedAt: isoDate(deleted.team.deletedAt ?? deleted.team.updatedAt),
    purgeAfter: isoDateOrNull(deleted.team.purgeAfter),
  };
}
