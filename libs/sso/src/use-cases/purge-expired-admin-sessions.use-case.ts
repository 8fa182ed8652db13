import { Injectable } from '@nestjs/common';
import { Transactions } from '@rollcall/db';
import { sessionClock } from '../domain/admin-session.policy';
import { AdminSessionStore } from '../persistence/admin-session.store';

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
  constructor(
    private readonly transactions: Transactions,
    private readonly sessions: AdminSessionStore,
  ) {}

  execute(now: Date = new Date()): Promise<PurgedSignInState> {
    return this.transactions.run(async (tx) => ({
      sessions: await this.sessions.purgeExpired(tx, sessionClock(now)),
    }));
  }
}
