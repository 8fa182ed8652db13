import {
  Inject,
  Injectable,
  Logger,
  Optional,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import { BACKGROUND_JOBS, schedulePeriodicJob } from '@rollcall/db';
import { ProvisioningLogStore } from '../persistence/provisioning-log.store';

export const PROVISIONING_LOG_RETENTION_DAYS = 30;
/** Per organization; Entra's ~40-minute cycles of a 100k-user tenant fit many times over. */
export const PROVISIONING_LOG_MAX_ROWS = 200_000;
const PURGE_EVERY_MS = 10 * 60 * 1000;

/**
 * Keeps the provisioning log bounded: entries older than the retention window go, and an
 * organization never keeps more than the row cap. Deletes are idempotent, so every replica
 * may run it.
 */
@Injectable()
export class PurgeProvisioningLog implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('ProvisioningLog');
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly log: ProvisioningLogStore,
    @Optional() @Inject(BACKGROUND_JOBS) private readonly scheduled = true,
  ) {}

  onModuleInit(): void {
    this.timer = schedulePeriodicJob(
      this.scheduled,
      this.logger,
      'the provisioning log',
      PURGE_EVERY_MS,
      () => this.execute(),
    );
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  async execute(now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - PROVISIONING_LOG_RETENTION_DAYS * 86_400_000);
    const expired = await this.log.deleteOlderThan(cutoff);
    return expired + (await this.log.keepNewest(PROVISIONING_LOG_MAX_ROWS));
  }
}
