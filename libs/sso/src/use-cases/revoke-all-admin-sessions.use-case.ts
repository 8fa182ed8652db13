import { Injectable } from '@nestjs/common';
import { Transactions } from '@rollcall/db';
import { AdminLookup } from '@rollcall/organizations';
import { appendAdminSecurityEvent } from '../persistence/admin-security.events';
import { AdminSessionStore } from '../persistence/admin-session.store';

/** Signs an admin out everywhere: after a password change, or when the admin is deactivated. */
@Injectable()
export class RevokeAllAdminSessions {
  constructor(
    private readonly transactions: Transactions,
    private readonly admins: AdminLookup,
    private readonly sessions: AdminSessionStore,
  ) {}

  /**
   * How many live sessions were revoked; recorded as admin.signed_out_everywhere by `actor`
   * (`admin:<e-mail>` for the admin themself, `cli` for the operator).
   */
  async execute(adminId: string, actor: string): Promise<number> {
    const admin = await this.admins.find(adminId);
    if (!admin) throw new Error(`Admin ${adminId} does not exist.`);
    return this.transactions.run(async (tx) => {
      const revoked = await this.sessions.revokeAllOf(tx, admin.id, new Date());
      appendAdminSecurityEvent(tx, 'admin.signed_out_everywhere', admin, actor);
      return revoked;
    });
  }
}
