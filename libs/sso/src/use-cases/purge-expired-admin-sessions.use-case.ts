import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { inTransaction } from '@rollcall/db';
import { idleCutoff } from '../domain/admin-session.policy';
import { LOGIN_FAILURE_RETENTION_MS } from '../domain/login-throttle.policy';
import { AdminSessionEntity } from '../persistence/admin-session.entity';
import { LoginFailureStore } from '../persistence/login-failure.store';

export interface PurgedSignInState {
  sessions: number;
  loginFailures: number;
}

/**
 * Deletes sessions past their absolute or idle expiry (revoked ones go once idle, 12 hours
 * after their last use) and failed sign-ins too old to count. Cheap and indexed, so sign-in
 * calls it every time instead of needing a scheduler on one replica.
 */
@Injectable()
export class PurgeExpiredAdminSessions {
  constructor(
    private readonly dataSource: DataSource,
    private readonly loginFailures: LoginFailureStore,
  ) {}

  execute(now: Date = new Date()): Promise<PurgedSignInState> {
    return inTransaction(this.dataSource, async (manager) => {
      const sessions = await manager
        .createQueryBuilder()
        .delete()
        .from(AdminSessionEntity)
        .where('expires_at <= :now', { now })
        .orWhere('last_seen_at <= :idle', { idle: idleCutoff(now) })
        .execute();
      const loginFailures = await this.loginFailures.purgeWithin(
        manager,
        new Date(now.getTime() - LOGIN_FAILURE_RETENTION_MS),
      );
      return { sessions: sessions.affected ?? 0, loginFailures };
    });
  }
}
