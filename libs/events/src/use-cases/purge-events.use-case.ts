import {
  Inject,
  Injectable,
  Logger,
  Optional,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import { BACKGROUND_JOBS, schedulePeriodicJob } from '@rollcall/db';
import { EVENTS_OPTIONS, type EventsOptions } from '../events.options';
import { EventStore } from '../persistence/event.store';

const PURGE_EVERY_MS = 10 * 60 * 1000;

/**
 * Events older than the retention window (`EVENT_RETENTION_DAYS`) go. The cursors of the
 * events that remain do not change, so a consumer reading on is not confused by a purge.
 */
@Injectable()
export class PurgeEvents implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Events');
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly events: EventStore,
    @Inject(EVENTS_OPTIONS) private readonly options: EventsOptions,
    @Optional() @Inject(BACKGROUND_JOBS) private readonly scheduled = true,
  ) {}

  onModuleInit(): void {
    this.timer = schedulePeriodicJob(
      this.scheduled,
      this.logger,
      'events past their retention window',
      PURGE_EVERY_MS,
      () => this.execute(),
    );
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  execute(now = new Date()): Promise<number> {
    return this.events.deleteOlderThan(
      new Date(now.getTime() - this.options.retentionDays * 86_400_000),
    );
  }
}
