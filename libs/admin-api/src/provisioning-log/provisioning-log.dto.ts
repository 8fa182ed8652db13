import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import type {
  ProvisioningLogEntryView,
  ProvisioningLogPageView,
  ProvisioningLogSummaryView,
  ProvisioningResourceType,
} from '@rollcall/contracts';
import type {
  ProvisioningLogEntry,
  ProvisioningLogQuery,
  ProvisioningLogSummary,
} from '@rollcall/audit';
import { isoDate, isoDateOrNull } from '../http/iso-date.format';

const RESOURCE_TYPES = ['User', 'Group'] as const;
export const MAX_SUMMARY_HOURS = 24 * 30;

export class ProvisioningLogQueryDto {
  @ApiPropertyOptional({
    description: '`failed` (status ≥ 400), `succeeded` (< 400), or one HTTP status such as 409.',
    example: 'failed',
  })
  @IsOptional()
  @Matches(/^(failed|succeeded|[1-5]\d\d)$/, {
    message: 'status must be failed, succeeded or an HTTP status code',
  })
  status?: string;

  @ApiPropertyOptional({ enum: RESOURCE_TYPES })
  @IsOptional()
  @IsIn(RESOURCE_TYPES)
  resourceType?: ProvisioningResourceType;

  @ApiPropertyOptional({ example: 'PATCH', description: 'HTTP method, any case.' })
  @IsOptional()
  @Matches(/^[A-Za-z]{1,10}$/, { message: 'method must be an HTTP method' })
  method?: string;

  @ApiPropertyOptional({
    description:
      'One user: their id, `userName` or `externalId` (any case). Finds the requests on that user id, the lookups that filtered on the value and the creates that sent it (also refused ones).',
    example: 'ada@contoso.com',
  })
  @IsOptional()
  @IsString()
  @MaxLength(256)
  user?: string;

  @ApiPropertyOptional({
    description: 'One team (SCIM group): its id or `displayName` (any case), found the same way.',
    example: 'Sales',
  })
  @IsOptional()
  @IsString()
  @MaxLength(256)
  team?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Entries at or after this time.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  since?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Entries before this time.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  until?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  cursor?: string;
}

export class ProvisioningLogSummaryQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_SUMMARY_HOURS, default: 24 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_SUMMARY_HOURS)
  hours?: number;
}

export class ProvisioningLogEntryDto implements ProvisioningLogEntryView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'date-time' })
  at!: string;

  @ApiProperty({ example: 'PATCH' })
  method!: string;

  @ApiProperty({ example: '/scim/v2/Users/2819c223-7f76-453a-919d-413861904646' })
  path!: string;

  @ApiProperty({ type: String, nullable: true, example: 'userName eq "ada@acme.example"' })
  filter!: string | null;

  @ApiProperty({ example: 200 })
  status!: number;

  @ApiProperty({ type: String, nullable: true, example: 'uniqueness' })
  scimType!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'The error detail sent to Entra.' })
  detail!: string | null;

  @ApiProperty({ enum: RESOURCE_TYPES, nullable: true })
  resourceType!: ProvisioningResourceType | null;

  @ApiProperty({ type: String, nullable: true })
  resourceId!: string | null;

  @ApiProperty({ example: 12 })
  durationMs!: number;

  @ApiProperty({ type: String, nullable: true, example: 'rcs_3kF9a' })
  tokenPrefix!: string | null;

  @ApiProperty({ type: String, nullable: true })
  requestId!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Redacted JSON of the request.' })
  requestBody!: string | null;
}

export class ProvisioningLogPageDto implements ProvisioningLogPageView {
  @ApiProperty({ type: [ProvisioningLogEntryDto] })
  entries!: ProvisioningLogEntryDto[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page.' })
  nextCursor!: string | null;
}

export class ProvisioningLogSummaryDto implements ProvisioningLogSummaryView {
  @ApiProperty({ example: 24 })
  hours!: number;

  @ApiProperty({ format: 'date-time' })
  since!: string;

  @ApiProperty({ example: 1200 })
  total!: number;

  @ApiProperty({
    example: 3,
    description: 'Failed operations as Entra counts them: 5xx, and 4xx except a 404 to a GET.',
  })
  failed!: number;

  @ApiProperty({
    example: 0.0025,
    description:
      'failed / total (0 without requests). Entra quarantines an app when, past 5,000 failures, more than 40 % of requests fail.',
  })
  failureRatio!: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastRequestAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastFailureAt!: string | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    example: { '200': 1180, '201': 17, '409': 3 },
  })
  byStatus!: Record<string, number>;
}

export function toProvisioningLogQuery(query: ProvisioningLogQueryDto): ProvisioningLogQuery {
  const status =
    query.status === 'failed' || query.status === 'succeeded'
      ? query.status
      : query.status === undefined
        ? undefined
        : Number(query.status);
  return {
    status,
    resourceType: query.resourceType,
    method: query.method,
    user: query.user?.trim() || undefined,
    team: query.team?.trim() || undefined,
    since: query.since === undefined ? undefined : new Date(query.since),
    until: query.until === undefined ? undefined : new Date(query.until),
    limit: query.limit ?? 50,
    cursor: query.cursor,
  };
}

function resourceTypeOf(value: string | null): ProvisioningResourceType | null {
  return value === 'User' || value === 'Group' ? value : null;
}

export function toProvisioningLogEntryDto(entry: ProvisioningLogEntry): ProvisioningLogEntryDto {
  return {
    id: entry.id,
    at: isoDate(entry.createdAt),
    method: entry.method,
    path: entry.path,
    filter: entry.filter,
    status: entry.status,
    scimType: entry.scimType,
    detail: entry.detail,
    resourceType: resourceTypeOf(entry.resourceType),
    resourceId: entry.resourceId,
    durationMs: entry.durationMs,
    tokenPrefix: entry.tokenPrefix,
    requestId: entry.requestId,
    requestBody: entry.requestBody,
  };
}

export function toProvisioningLogSummaryDto(
  hours: number,
  summary: ProvisioningLogSummary,
): ProvisioningLogSummaryDto {
  return {
    hours,
    since: isoDate(summary.since),
    total: summary.total,
    failed: summary.failed,
    failureRatio: summary.failureRatio,
    lastRequestAt: isoDateOrNull(summary.lastRequestAt),
    lastFailureAt: isoDateOrNull(summary.lastFailureAt),
    byStatus: Object.fromEntries(
      [...summary.byStatus].sort(([a], [b]) => a - b).map(([status, n]) => [String(status), n]),
    ),
  };
}
