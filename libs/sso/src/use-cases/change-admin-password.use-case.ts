import { Injectable } from '@nestjs/common';
import { Transactions } from '@rollcall/db';
import { AdminLookup, ResetAdminPassword } from '@rollcall/organizations';
import { currentPasswordIncorrect } from '../domain/sso.error';
import { AdminSessionStore } from '../persistence/admin-session.store';
import { VerifyAdminPassword } from './verify-admin-password.use-case';

export interface ChangeAdminPasswordCommand {
  adminId: string;
  /** The session asking: it stays signed in. */
  sessionId: string;
  currentPassword: string;
  newPassword: string;
  ipAddress: string | null;
}

/**
 * An admin changes their own password. The current one is checked under the sign-in throttle
 * (a stolen session must not become a password oracle), and every other session of the admin
 * ends: whoever else held one may be why the password is being changed.
 */
@Injectable()
export class ChangeAdminPassword {
  constructor(
    private readonly transactions: Transactions,
    private readonly admins: AdminLookup,
    private readonly verifyPassword: VerifyAdminPassword,
    private readonly resetPassword: ResetAdminPassword,
    private readonly sessions: AdminSessionStore,
  ) {}

  /** How many other sessions were ended. */
  async execute(command: ChangeAdminPasswordCommand): Promise<number> {
    const admin = await this.admins.find(command.adminId);
    if (!admin) throw new Error(`Admin ${command.adminId} does not exist.`);
    const verified = await this.verifyPassword.execute({
      email: admin.email,
      password: command.currentPassword,
      ipAddress: command.ipAddress,
    });
    if (!verified || verified.id !== admin.id) throw currentPasswordIncorrect();
    const passwordHash = await this.resetPassword.hashOwnPassword(command.newPassword);
    // The password, its event and the end of the other sessions commit together.
    return this.transactions.run(async (tx) => {
      await this.resetPassword.changeOwnWithin(tx, admin, passwordHash);
      return this.sessions.revokeAllOfBut(tx, admin.id, command.sessionId, new Date());
    });
  }
}
