import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { inTransaction } from '@rollcall/db';
import { chosenOrRandomAdminPassword } from '../domain/admin-password';
import { OrganizationError } from '../domain/organization.error';
import { hashPassword } from '../domain/password.hasher';
import { OrganizationAdminEntity } from '../persistence/organization-admin.entity';

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
  constructor(private readonly dataSource: DataSource) {}

  async execute(command: ResetAdminPasswordCommand): Promise<ResetAdminPasswordResult> {
    const password = chosenOrRandomAdminPassword(command.password);
    // Hash outside the transaction: scrypt is deliberately slow and must not hold a lock.
    const passwordHash = await hashPassword(password);
    const emailNormalized = command.email.trim().toLowerCase();
    return inTransaction(this.dataSource, async (manager) => {
      const admin = await manager.findOneBy(OrganizationAdminEntity, { emailNormalized });
      if (!admin) throw new OrganizationError('ADMIN_NOT_FOUND', 'No admin has this e-mail.');
      await manager.update(OrganizationAdminEntity, { id: admin.id }, { passwordHash });
      return {
        adminId: admin.id,
        organizationId: admin.organizationId,
        email: admin.email,
        password,
      };
    });
  }
}
