import { Module, type DynamicModule } from '@nestjs/common';
import { EVENTS_OPTIONS, type EventsOptions } from './events.options';
import { EventStore } from './persistence/event.store';
import { ListActivity } from './use-cases/list-activity.use-case';
import { ListEvents } from './use-cases/list-events.use-case';
import { PurgeEvents } from './use-cases/purge-events.use-case';

const useCases = [ListEvents, ListActivity, PurgeEvents];

/** The outbox's readers: the Events API, the Activity page and the retention purge. */
@Module({})
export class EventsModule {
  static forRoot(options: EventsOptions): DynamicModule {
    return {
      module: EventsModule,
      global: true,
      providers: [{ provide: EVENTS_OPTIONS, useValue: options }, EventStore, ...useCases],
      exports: [EVENTS_OPTIONS, EventStore, ...useCases],
    };
  }
}
