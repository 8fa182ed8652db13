import { Injectable } from '@nestjs/common';
import type { DirectoryEvent } from '../domain/directory-event';
import { EventStore } from '../persistence/event.store';
import { parseCursor, parseEventTypes } from './list-events.use-case';

/** Actors whose changes are admin activity: people and keys, the CLI, Rollcall's own jobs. */
export const ACTIVITY_ACTOR_KINDS = ['admin', 'api_key', 'cli', 'system'] as const;

export interface ListActivityInput {
  organizationId: string;
  /** Newest first: the `nextBefore` of the previous page. */
  before?: string;
  limit: number;
  types?: string;
  /** One actor (`admin:alice@contoso.com`) to show alone. */
  actor?: string;
}

export interface ActivityPage {
  events: DirectoryEvent[];
  nextBefore: string | null;
}

/**
 * The Activity page: what admins, API keys and jobs changed, newest first. It reads the same
 * events as the Events API, so it cannot disagree with what webhooks delivered.
 */
@Injectable()
export class ListActivity {
  constructor(private readonly events: EventStore) {}

  async execute(input: ListActivityInput): Promise<ActivityPage> {
    const before = parseCursor(input.before, 'before');
    const types = parseEventTypes(input.types);
    const events = await this.events.list({
      organizationId: input.organizationId,
      before,
      limit: input.limit,
      types,
      // Also with one actor: the Activity feed never shows provisioning (`scim:…`) events.
      actorKinds: ACTIVITY_ACTOR_KINDS,
      actor: input.actor,
    });
    const last = events.at(-1);
    return {
      events,
      nextBefore: events.length === input.limit && last ? String(last.sequence) : null,
    };
  }
}
