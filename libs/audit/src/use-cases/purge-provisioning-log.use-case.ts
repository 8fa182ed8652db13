import {
  Inject,
  Injectable,
  Logger,
  Optional,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import { DataSource, LessThan } from 'typeorm';
import { BACKGROUND_JOBS, schedulePeriodicJob } from '@rollcall/db';
import { ProvisioningLogEntity } from '../persistence/provisioning-log.entity';

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
    private readonly dataSource: DataSource,
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
    const repository = this.dataSource.getRepository(ProvisioningLogEntity);
    const cutoff = new Date(now.getTime() - PROVISIONING_LOG_RETENTION_DAYS * 86_400_000);
    let deleted = (await repository.delete({ createdAt: LessThan(cutoff) })).affected ?? 0;
    const crowded = await repository
      .createQueryBuilder('l')
      .select('l.organization_id', 'organizationId')
      .groupBy('l.organization_id')
      .having('COUNT(*) > :max', { max: PROVISIONING_LOG_MAX_ROWS })
      .getRawMany<{ organizationId: string }>();
    for (const { organizationId } of crowded) {
      const [oldestKept] = await repository.find({
        select: { id: true, createdAt: true },
        where: { organizationId },
        order: { createdAt: 'DESC' },
        skip: PROVISIONING_LOG_MAX_ROWS - 1,
        take: 1,
      });
      if (!oldestKept) continue;
      deleted +=
        (await repository.delete({ organizationId, createdAt: LessThan(oldestKept.createdAt) }))
          .affected ?? 0;
    }
    return deleted;
  }
}
