import { Controller, Get, Header, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { ActivityActorListView } from '@rollcall/contracts';
import { ListActivity, ListActivityActors, ListEvents } from '@rollcall/events';
import { AcceptsApiKeys } from '../auth/api-key-access.decorator';
import { CurrentCaller, type Caller } from '../auth/current-admin.decorator';
import { adminQueryPipe } from '../http/admin-query.pipe';
import { AdminRoutes } from '../http/admin-routes.decorator';
import { ApiErrorDto } from '../http/api-error.dto';
import {
  ActivityActorListDto,
  ActivityListDto,
  EventDto,
  EventListDto,
  ListActivityQueryDto,
  ListEventsQueryDto,
  toActivityEntryDto,
  toEventDto,
} from './events.dto';

/**
 * The organization's events: every change, in the order it was committed. A backend polls
 * `GET /api/events?after=<nextCursor>` with an API key (or receives the same events by
 * webhook) and misses nothing while it was down.
 */
@ApiTags('Admin: events')
// The envelope of every `Event<Type>` schema, which the lists reference through `Event`.
@ApiExtraModels(EventDto)
@Controller('api')
@AdminRoutes()
@AcceptsApiKeys()
export class EventsController {
  constructor(
    private readonly listEvents: ListEvents,
    private readonly listActivity: ListActivity,
    private readonly listActivityActors: ListActivityActors,
  ) {}

  @Get('events')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Events after a cursor, oldest first',
    description:
      'Each event is recorded in the transaction of its change: an acknowledged SCIM request always has its events, a rolled-back one never does. Cursors increase without gaps in commit order, so `after=<nextCursor>` never skips an event; poll with it to follow the feed.',
  })
  @ApiOkResponse({ type: EventListDto })
  @ApiBadRequestResponse({
    type: ApiErrorDto,
    description: 'BAD_REQUEST (validation), EVENT_CURSOR_INVALID, EVENT_TYPE_UNKNOWN',
  })
  async events(
    @CurrentCaller() caller: Caller,
    @Query(adminQueryPipe()) query: ListEventsQueryDto,
  ): Promise<EventListDto> {
    const page = await this.listEvents.execute({
      organizationId: caller.organizationId,
      after: query.after,
      limit: query.limit,
      types: query.types,
    });
    return { data: page.events.map(toEventDto), nextCursor: page.nextCursor };
  }

  @Get('activity')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'What admins, API keys and jobs changed, newest first',
    description:
      'The events whose actor is an admin, an API key, the CLI or a Rollcall job (not the identity provider’s provisioning), each with the IP address its change came from (`clientIp`, shown here only: not in `GET /api/events` nor in webhooks). `actor` keeps one of them (a provisioning actor gives an empty list); `types` keeps those event types.',
  })
  @ApiOkResponse({ type: ActivityListDto })
  @ApiBadRequestResponse({ type: ApiErrorDto, description: 'A parameter is not valid.' })
  async activity(
    @CurrentCaller() caller: Caller,
    @Query(adminQueryPipe()) query: ListActivityQueryDto,
  ): Promise<ActivityListDto> {
    const page = await this.listActivity.execute({
      organizationId: caller.organizationId,
      before: query.before,
      limit: query.limit ?? 50,
      types: query.types,
      actor: query.actor,
    });
    return { data: page.events.map(toActivityEntryDto), nextBefore: page.nextBefore };
  }

  @Get('activity/actors')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Who appears on the Activity feed, most recently active first',
    description:
      'Admins, API keys, the CLI and Rollcall jobs as events name them (`admin:alice@contoso.com`): the values `GET /api/activity?actor=` takes.',
  })
  @ApiOkResponse({ type: ActivityActorListDto })
  async activityActors(@CurrentCaller() caller: Caller): Promise<ActivityActorListView> {
    return { data: await this.listActivityActors.execute(caller.organizationId) };
  }
}
