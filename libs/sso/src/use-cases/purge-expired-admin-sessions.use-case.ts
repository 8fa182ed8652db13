import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { inTransaction } from '@rollcall/db';
import { idleCutoff } from '../domain/admin-session.policy';
import { AdminSessionEntity } from '../persistence/admin-session.entity';

export interface PurgedSignInState {
  sessions: number;
}

/**
 * Deletes sessions past their absolute or idle expiry (revoked ones go once idle, 12 hours
 * after their last use). Cheap and indexed, so sign-in calls it every time instead of needing
 * a scheduler on one replica.
 */
@Injectable()
export class PurgeExpiredAdminSessions {
  constructor(private readonly dataSource: DataSource) {}

  execute(now: Date = new Date()): Promise<PurgedSignInState> {
    return inTransaction(this.dataSource, async (manager) => {
      const sessions = await manager
        .createQueryBuilder()
        .delete()
        .from(AdminSessionEntity)
        .where('expires_at <= :now', { now })
        .orWhere('last_seen_at <= :idle', { idle: idleCutoff(now) })
        .execute();
      return { sessions: sessions.affected ?? 0 };
    });
  }
}
