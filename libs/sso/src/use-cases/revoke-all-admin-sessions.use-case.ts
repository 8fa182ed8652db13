import { Injectable } from '@nestjs/common';
import { Transactions } from '@rollcall/db';
import { AdminSessionStore } from '../persistence/admin-session.store';

/** Signs an admin out everywhere: after a password change, or when the admin is deactivated. */
@Injectable()
export class RevokeAllAdminSessions {
  constructor(
    private readonly transactions: Transactions,
    private readonly sessions: AdminSessionStore,
  ) {}

  /** How many live sessions were revoked. */
  execute(adminId: string): Promise<number> {
    return this.transactions.run((tx) => this.sessions.revokeAllOf(tx, adminId, new Date()));
  }
}
