import {
  Inject,
  Injectable,
  Logger,
  Optional,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import { BACKGROUND_JOBS, Transactions, schedulePeriodicJob } from '@rollcall/db';
import { EVENTS_OPTIONS, type EventsOptions } from '../events.options';
import { EventStore } from '../persistence/event.store';
import { WebhookDeliveryStore } from '../webhooks/persistence/webhook-delivery.store';

const PURGE_EVERY_MS = 10 * 60 * 1000;

/**
 * Events older than the retention window (`EVENT_RETENTION_DAYS`) go, and so do webhook
 * deliveries completed before it (with their attempts): a delivery of a purged event could not
 * be resent anyway. Pending deliveries stay until they succeed or run out of retries. The
 * cursors of the events that remain do not change, so a consumer reading on is not confused.
 */
@Injectable()
export class PurgeEvents implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Events');
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly transactions: Transactions,
    private readonly events: EventStore,
    private readonly deliveries: WebhookDeliveryStore,
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

  async execute(now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - this.options.retentionDays * 86_400_000);
    await this.transactions.run((tx) => this.deliveries.deleteCompletedBefore(tx, cutoff));
    return this.events.deleteOlderThan(cutoff);
  }
}
