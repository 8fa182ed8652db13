import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Transactions, type Tx } from '@rollcall/db';
import {
  INVITATION_LIFETIME_MS,
  generateInvitationSecret,
  invitationLink,
  type AdminInvitation,
} from '../domain/admin-invitation';
import { AdminManagementError } from '../domain/admin-management.error';
import { validAdminEmail } from '../domain/admin-profile';
import type { AdminRole } from '../domain/admin-role';
import { OrganizationError } from '../domain/organization.error';
import { AdminInvitationStore } from '../persistence/admin-invitation.store';
import { AdminLookup } from '../persistence/admin.lookup';
import { OrganizationLookup } from '../persistence/organization.lookup';

export interface InviteAdminCommand {
  organizationId: string;
  email: string;
  role: AdminRole;
  /** `admin:<e-mail>` or `cli`. */
  invitedBy: string;
  /** Where the dashboard is served; the link points there. */
  publicUrl: string;
  now?: Date;
}

export interface IssuedAdminInvitation {
  invitation: AdminInvitation;
  organizationName: string;
  /** `PUBLIC_URL/invitations/<token>`: the only place the token exists. Never log it. */
  link: string;
}

/**
 * An owner invites someone to administer the organization: a single-use link valid for
 * seven days. Inviting a pending address again replaces its invitation (the old link dies).
 */
@Injectable()
export class InviteAdmin {
  constructor(
    private readonly transactions: Transactions,
    private readonly organizations: OrganizationLookup,
    private readonly admins: AdminLookup,
    private readonly invitations: AdminInvitationStore,
  ) {}

  execute(command: InviteAdminCommand): Promise<IssuedAdminInvitation> {
    const email = validAdminEmail(command.email);
    return this.transactions.run((tx) => this.issueWithin(tx, { ...command, email }));
  }

  /** In the caller's transaction (creating an organization invites its first owner). */
  async issueWithin(tx: Tx, command: InviteAdminCommand): Promise<IssuedAdminInvitation> {
    const email = validAdminEmail(command.email);
    const organization = await this.organizations.find(command.organizationId, tx);
    if (!organization) {
      throw new OrganizationError('ORGANIZATION_NOT_FOUND', 'No such organization.');
    }
    const existing = await this.admins.findByEmail(email, tx);
    if (existing?.organizationId === organization.id) {
      throw new AdminManagementError('ALREADY_ADMIN', 'This address is already an admin here.');
    }
    if (existing) {
      // Sign-in finds an admin by e-mail alone, so an address administers one organization.
      throw new OrganizationError(
        'ADMIN_EMAIL_TAKEN',
        'This e-mail already administers another organization.',
      );
    }
    const now = command.now ?? new Date();
    const secret = generateInvitationSecret();
    const invitation: AdminInvitation = {
      id: randomUUID(),
      organizationId: organization.id,
      email,
      role: command.role,
      invitedBy: command.invitedBy,
      createdAt: now,
      expiresAt: new Date(now.getTime() + INVITATION_LIFETIME_MS),
    };
    await this.invitations.replace(tx, { ...invitation, tokenHash: secret.hash });
    return {
      invitation,
      organizationName: organization.name,
      link: invitationLink(command.publicUrl, secret.token),
    };
  }
}
