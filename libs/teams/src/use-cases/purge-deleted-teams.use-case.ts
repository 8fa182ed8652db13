import {
  Inject,
  Injectable,
  Logger,
  Optional,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import { BACKGROUND_JOBS, Transactions, schedulePeriodicJob } from '@rollcall/db';
import { TypeOrmTeamStore } from '../persistence/typeorm-team.store';

const PURGE_EVERY_MS = 5 * 60 * 1000;
const BATCH = 200;
export const TEAM_RETENTION_ACTOR = 'system:team-retention';

/**
 * Deletes for good the teams whose retention window has passed (members and resources go
 * with them through foreign keys), telling `team.purged` for each in the same transaction.
 * Batches claim their rows, so any number of replicas can run it at once.
 */
@Injectable()
export class PurgeDeletedTeams implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Teams');
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly transactions: Transactions,
    private readonly teams: TypeOrmTeamStore,
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
    let purged = 0;
    for (;;) {
      const batch = await this.transactions.run(async (tx) => {
        const due = await this.teams.dueForPurge(tx, now, BATCH);
        if (due.length === 0) return 0;
        await this.teams.purge(tx, due, TEAM_RETENTION_ACTOR);
        return due.length;
      });
      purged += batch;
      if (batch < BATCH) break;
    }
    if (purged > 0) this.logger.log(`Purged ${purged} deleted team(s) past their retention window`);
    return purged;
  }
}
