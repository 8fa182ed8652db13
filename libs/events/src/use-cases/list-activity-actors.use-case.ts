import { Injectable } from '@nestjs/common';
import { EventStore } from '../persistence/event.store';
import { ACTIVITY_ACTOR_KINDS } from './list-activity.use-case';

/** More than any organization has admins and keys; the list is a filter's options. */
export const MAX_ACTIVITY_ACTORS = 500;

/**
 * Who appears on the Activity feed (admins, API keys, the CLI, Rollcall's jobs), most
 * recently active first: the options of its "Who" filter, without loading the feed.
 */
@Injectable()
export class ListActivityActors {
  constructor(private readonly events: EventStore) {}

  execute(organizationId: string): Promise<string[]> {
    return this.events.actors(organizationId, ACTIVITY_ACTOR_KINDS, MAX_ACTIVITY_ACTORS);
  }
}
