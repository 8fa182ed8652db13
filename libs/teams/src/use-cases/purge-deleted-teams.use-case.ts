import {
  Inject,
  Injectable,
  Logger,
  Optional,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import { DataSource, LessThanOrEqual } from 'typeorm';
import { BACKGROUND_JOBS, schedulePeriodicJob } from '@rollcall/db';
import { TeamEntity } from '../persistence/team.entity';

const PURGE_EVERY_MS = 5 * 60 * 1000;

/**
 * Deletes for good the teams whose retention window has passed (members and resources go
 * with them through foreign keys). One idempotent DELETE, so any number of replicas can
 * run it at once.
 */
@Injectable()
export class PurgeDeletedTeams implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Teams');
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly dataSource: DataSource,
    @Optional() @Inject(BACKGROUND_JOBS) private readonly scheduled = true,
  ) {}

  onModuleInit(): void {
    this.timer = schedulePeriodicJob(
      this.scheduled,
      this.logger,
      'deleted teams',
      PURGE_EVERY_MS,
      () => this.execute(),
    );
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  async execute(now = new Date()): Promise<number> {
    const result = await this.dataSource
      .getRepository(TeamEntity)
      .delete({ purgeAfter: LessThanOrEqual(now) });
    const purged = result.affected ?? 0;
    if (purged > 0) this.logger.log(`Purged ${purged} deleted team(s) past their retention window`);
    return purged;
  }
}
