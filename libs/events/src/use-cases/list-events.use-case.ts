import { Injectable } from '@nestjs/common';
import {
  DEFAULT_EVENT_PAGE_SIZE,
  MAX_EVENT_PAGE_SIZE,
  isEventTypeName,
  type EventTypeName,
} from '@rollcall/contracts';
import type { DirectoryEvent } from '../domain/directory-event';
import { EventsError } from '../domain/events.error';
import { EventStore } from '../persistence/event.store';

export interface ListEventsInput {
  organizationId: string;
  /** The cursor a previous page returned (`nextCursor`), or absent to start at the beginning. */
  after?: string;
  limit?: number;
  /** Comma-separated event types; absent = all. */
  types?: string;
}

export interface EventPage {
  events: DirectoryEvent[];
  nextCursor: string;
}

const CURSOR = /^(0|[1-9][0-9]{0,15})$/;

/** Parses a cursor (a sequence number as text); anything else is the caller's mistake. */
export function parseCursor(cursor: string | undefined, name = 'after'): number | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  if (!CURSOR.test(cursor)) {
    throw new EventsError('EVENT_CURSOR_INVALID', `${name} must be a cursor returned by this API.`);
  }
  return Number(cursor);
}

/** Parses `types=a,b`: every name must be an event type, so a typo is not an empty feed. */
export function parseEventTypes(types: string | undefined): EventTypeName[] | undefined {
  if (types === undefined || types.trim() === '') return undefined;
  const names = types.split(',').map((type) => type.trim());
  const unknown = names.filter((name) => !isEventTypeName(name));
  if (unknown.length > 0) {
    throw new EventsError(
      'EVENT_TYPE_UNKNOWN',
      `Unknown event type: ${unknown.slice(0, 3).join(', ')}.`,
    );
  }
  return names as EventTypeName[];
}

/**
 * `GET /api/events`: the organization's events in the order they were committed, after a
 * cursor. A consumer that was down reads on from its last cursor and misses nothing that is
 * still within the retention window.
 */
@Injectable()
export class ListEvents {
  constructor(private readonly events: EventStore) {}

  async execute(input: ListEventsInput): Promise<EventPage> {
    const after = parseCursor(input.after) ?? 0;
    const types = parseEventTypes(input.types);
    const limit = Math.min(
      Math.max(input.limit ?? DEFAULT_EVENT_PAGE_SIZE, 1),
      MAX_EVENT_PAGE_SIZE,
    );
    const events = await this.events.list({
      organizationId: input.organizationId,
      after,
      limit,
      types,
    });
    const last = events.at(-1);
    return { events, nextCursor: String(last ? last.sequence : after) };
  }
}
