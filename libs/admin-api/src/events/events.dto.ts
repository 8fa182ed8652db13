import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import {
  DEFAULT_EVENT_PAGE_SIZE,
  EVENT_TYPE_NAMES,
  MAX_EVENT_PAGE_SIZE,
  type ActivityEntryView,
  type ActivityListView,
  type EventListView,
  type EventTypeName,
  type EventView,
} from '@rollcall/contracts';
import type { DirectoryEvent } from '@rollcall/events';
import { eventSchemaRef } from './event-data.schemas';
import {
  ACTIVITY_ENTRY_SCHEMA,
  EVENT_DATA_SCHEMA_OF,
  EVENT_SCHEMA,
  eventDataTable,
} from './event-openapi.components';

const CURSOR = /^\d{1,16}$/;

export class ListEventsQueryDto {
  @ApiPropertyOptional({
    description:
      'The `nextCursor` of the previous page. Absent: from the oldest event still kept (the retention window is `EVENT_RETENTION_DAYS`, 30 days by default).',
    example: '1042',
  })
  @IsOptional()
  @Matches(CURSOR, { message: 'after must be a cursor returned by this API' })
  after?: string;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: MAX_EVENT_PAGE_SIZE,
    default: DEFAULT_EVENT_PAGE_SIZE,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_EVENT_PAGE_SIZE)
  limit?: number;

  @ApiPropertyOptional({
    description: `Comma-separated event types to keep: ${EVENT_TYPE_NAMES.join(', ')}.`,
    example: 'user.deactivated,team.member_removed',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  types?: string;
}

export class ListActivityQueryDto {
  @ApiPropertyOptional({ description: 'The `nextBefore` of the previous (newer) page.' })
  @IsOptional()
  @Matches(CURSOR, { message: 'before must be a cursor returned by this API' })
  before?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ description: 'Comma-separated event types to keep.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  types?: string;

  @ApiPropertyOptional({
    description:
      'One actor only, as events name it (`admin:alice@contoso.com`, `api_key:billing`).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(400)
  actor?: string;
}

export class EventDto implements EventView {
  @ApiProperty({
    description: 'Unique; the `webhook-id` of its deliveries (deduplicate on it).',
    example: 'evt_4f0c2d1e9b8a4c7d8e6f5a4b3c2d1e0f',
  })
  id!: string;

  @ApiProperty({ enum: EVENT_TYPE_NAMES })
  type!: EventTypeName;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({
    description:
      'Who made the change: `scim:<token prefix>`, `scim_oauth:<client id>`, `admin:<e-mail>`, `api_key:<name>`, `sso:<provider>`, `system:<job>` or `cli`.',
    example: 'scim:rc_3kq9',
  })
  actor!: string;

  @ApiProperty({
    description: 'The organization’s cursor: increasing without gaps, in commit order.',
    example: 1042,
  })
  sequence!: number;

  @ApiProperty({
    // anyOf, not oneOf: the shapes overlap (a `user.updated` also has a `user`); which one a
    // `type` carries is the table, and the `Event` schema binds each type to its shape.
    anyOf: [...new Set(Object.values(EVENT_DATA_SCHEMA_OF))].map(eventSchemaRef),
    description: `What changed; its schema depends on \`type\` (see the \`Event\` schema):\n\n${eventDataTable()}`,
  })
  data!: Record<string, unknown>;
}

export class EventListDto implements EventListView {
  @ApiProperty({ type: 'array', items: eventSchemaRef(EVENT_SCHEMA) })
  data!: EventDto[];

  @ApiProperty({
    description: 'Pass as `after` to read on; the same cursor when nothing new happened yet.',
    example: '1042',
  })
  nextCursor!: string;
}

export class ActivityActorListDto {
  @ApiProperty({ type: [String], example: ['admin:alice@contoso.com', 'api_key:billing'] })
  data!: string[];
}

export class ActivityListDto implements ActivityListView {
  @ApiProperty({ type: 'array', items: eventSchemaRef(ACTIVITY_ENTRY_SCHEMA) })
  data!: ActivityEntryView[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as `before` for older entries.' })
  nextBefore!: string | null;
}

export function toEventDto(event: DirectoryEvent): EventDto {
  return {
    id: event.id,
    type: event.type,
    createdAt: event.createdAt.toISOString(),
    actor: event.actor,
    sequence: event.sequence,
    data: event.data,
  };
}

/** An event as the Activity feed shows it to admins: with the address it came from. */
export function toActivityEntryDto(event: DirectoryEvent): ActivityEntryView {
  return { ...toEventDto(event), clientIp: event.clientIp };
}
