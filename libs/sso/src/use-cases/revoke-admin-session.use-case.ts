import { Injectable } from '@nestjs/common';
import { Transactions } from '@rollcall/db';
import { AdminSessionStore } from '../persistence/admin-session.store';

/** Sign-out: the session stops working on every replica at once. */
@Injectable()
export class RevokeAdminSession {
  constructor(
    private readonly transactions: Transactions,
    private readonly sessions: AdminSessionStore,
  ) {}

  execute(sessionId: string): Promise<void> {
    return this.transactions.run((tx) => this.sessions.revoke(tx, sessionId, new Date()));
  }
}
