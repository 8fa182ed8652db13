import { Injectable } from '@nestjs/common';
import { Transactions, type Tx } from '@rollcall/db';
import { chosenOrRandomAdminPassword } from '../domain/admin-password';
import { OrganizationError } from '../domain/organization.error';
import { hashPassword } from '../domain/password.hasher';
import { AdminLookup } from '../persistence/admin.lookup';
import {
  OrganizationAdminStore,
  type AdminEventRef,
} from '../persistence/organization-admin.store';

export interface ResetAdminPasswordCommand {
  email: string;
  /** Defaults to a random 20-character password, returned once. */
  password?: string;
}

export interface ResetAdminPasswordResult {
  adminId: string;
  organizationId: string;
  email: string;
  /** The new password in clear; this is the only time it is known. */
  password: string;
}

/**
 * The operator's way back in for an admin who lost the password (or never saw the first
 * start's banner). The caller ends the admin's sessions: they belong to sign-in, not here.
 */
@Injectable()
export class ResetAdminPassword {
  constructor(
    private readonly transactions: Transactions,
    private readonly admins: AdminLookup,
    private readonly store: OrganizationAdminStore,
  ) {}

  async execute(command: ResetAdminPasswordCommand): Promise<ResetAdminPasswordResult> {
    const password = chosenOrRandomAdminPassword(command.password);
    // Hash outside the transaction: scrypt is deliberately slow and must not hold a lock.
    const passwordHash = await hashPassword(password);
    return this.transactions.run(async (tx) => {
      const admin = await this.admins.findByEmail(command.email, tx);
      if (!admin) throw new OrganizationError('ADMIN_NOT_FOUND', 'No admin has this e-mail.');
      await this.store.changePassword(tx, admin, passwordHash, 'cli');
      return {
        adminId: admin.id,
        organizationId: admin.organizationId,
        email: admin.email,
        password,
      };
    });
  }

  /**
   * An admin's own change of password, step one: checks and hashes the new password, outside
   * any transaction (scrypt is deliberately slow and must not hold a lock).
   */
  hashOwnPassword(password: string): Promise<string> {
    return hashPassword(chosenOrRandomAdminPassword(password));
  }

  /**
   * Step two, in the caller's transaction: stores the hash with the admin.password_changed
   * event, recorded as by the admin.
   */
  async changeOwnWithin(tx: Tx, admin: AdminEventRef, passwordHash: string): Promise<void> {
    await this.store.changePassword(tx, admin, passwordHash, `admin:${admin.email}`);
  }
}
