import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Transactions } from '@rollcall/db';
import {
  hashInvitationToken,
  isInvitationExpired,
  isWellFormedInvitationToken,
} from '../domain/admin-invitation';
import { AdminManagementError } from '../domain/admin-management.error';
import { MIN_ADMIN_PASSWORD_LENGTH } from '../domain/admin-password';
import type { AdminProfile } from '../domain/admin-profile';
import { OrganizationError } from '../domain/organization.error';
import { hashPassword } from '../domain/password.hasher';
import { AdminInvitationStore } from '../persistence/admin-invitation.store';
import { AdminLookup } from '../persistence/admin.lookup';
import { OrganizationAdminStore } from '../persistence/organization-admin.store';
import { INVITATION_NOT_FOUND_MESSAGE } from './get-admin-invitation.use-case';

export interface AcceptAdminInvitationCommand {
  token: string;
  password: string;
  now?: Date;
}

/**
 * The invited person sets a password and becomes an admin with the invited role. The token
 * works once: the invitation is deleted in the transaction that creates the admin.
 */
@Injectable()
export class AcceptAdminInvitation {
  constructor(
    private readonly transactions: Transactions,
    private readonly invitations: AdminInvitationStore,
    private readonly admins: AdminLookup,
    private readonly adminStore: OrganizationAdminStore,
  ) {}

  async execute(command: AcceptAdminInvitationCommand): Promise<AdminProfile> {
    if (!isWellFormedInvitationToken(command.token)) throw notFound();
    if (command.password.length < MIN_ADMIN_PASSWORD_LENGTH) {
      throw new OrganizationError(
        'ADMIN_PASSWORD_TOO_SHORT',
        `An admin password has at least ${MIN_ADMIN_PASSWORD_LENGTH} characters.`,
      );
    }
    const tokenHash = hashInvitationToken(command.token);
    // Cheap refusal of a dead link before scrypt's deliberate cost.
    const pending = await this.invitations.findByTokenHash(tokenHash);
    const now = command.now ?? new Date();
    if (!pending || isInvitationExpired(pending, now)) throw notFound();
    // Hash outside the transaction: scrypt is deliberately slow and must not hold a lock.
    const passwordHash = await hashPassword(command.password);
    return this.transactions.run(async (tx) => {
      const invitation = await this.invitations.claimByTokenHash(tx, tokenHash);
      if (!invitation || isInvitationExpired(invitation, now)) throw notFound();
      if (await this.admins.findByEmail(invitation.email, tx)) {
        throw new OrganizationError(
          'ADMIN_EMAIL_TAKEN',
          'This e-mail already administers an organization.',
        );
      }
      const id = randomUUID();
      await this.adminStore.join(tx, {
        id,
        organizationId: invitation.organizationId,
        email: invitation.email,
        passwordHash,
        role: invitation.role,
        createdAt: now,
      });
      const admin = await this.admins.find(id, tx);
      if (!admin) throw new Error('The admin just created is missing.');
      return admin;
    });
  }
}

function notFound(): AdminManagementError {
  return new AdminManagementError('INVITATION_NOT_FOUND', INVITATION_NOT_FOUND_MESSAGE);
}
