import { Injectable } from '@nestjs/common';
import { Transactions } from '@rollcall/db';
import { chosenOrRandomAdminPassword } from '../domain/admin-password';
import { OrganizationError } from '../domain/organization.error';
import { hashPassword } from '../domain/password.hasher';
import { AdminLookup } from '../persistence/admin.lookup';
import { OrganizationAdminStore } from '../persistence/organization-admin.store';

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
      await this.store.setPasswordHash(tx, admin.id, passwordHash);
      return {
        adminId: admin.id,
        organizationId: admin.organizationId,
        email: admin.email,
        password,
      };
    });
  }
}
