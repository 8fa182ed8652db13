import {
  Inject,
  Injectable,
  Logger,
  Optional,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BACKGROUND_JOBS, appendEvents, inTransaction, schedulePeriodicJob } from '@rollcall/db';
import { teamEvent } from '../domain/team-events';
import { toTeam } from '../persistence/team.mapper';
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
    private readonly dataSource: DataSource,
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
      const batch = await inTransaction(this.dataSource, async (manager) => {
        const due = await this.teams.dueForPurge(manager, now, BATCH);
        if (due.length === 0) return 0;
        const ids = due.map((team) => team.id);
        const contents = await this.teams.contentsOf(ids, manager);
        await this.teams.deleteForGood(manager, ids);
        appendEvents(
          manager,
          due.map((entity) =>
            teamEvent('team.purged', toTeam(entity), TEAM_RETENTION_ACTOR, {
              contents: contents.get(entity.id),
            }),
          ),
        );
        return due.length;
      });
      purged += batch;
      if (batch < BATCH) break;
    }
    if (purged > 0) this.logger.log(`Purged ${purged} deleted team(s) past their retention window`);
    return purged;
  }
}
