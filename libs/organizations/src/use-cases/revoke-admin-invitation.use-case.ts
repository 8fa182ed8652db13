import { Injectable } from '@nestjs/common';
import { Transactions } from '@rollcall/db';
import { AdminManagementError } from '../domain/admin-management.error';
import { AdminInvitationStore } from '../persistence/admin-invitation.store';

/** Withdraws a pending invitation: its link stops working at once. */
@Injectable()
export class RevokeAdminInvitation {
  constructor(
    private readonly transactions: Transactions,
    private readonly invitations: AdminInvitationStore,
  ) {}

  /** `actor`: who withdraws it, `admin:<e-mail>`. */
  async execute(organizationId: string, invitationId: string, actor: string): Promise<void> {
    const deleted = await this.transactions.run((tx) =>
      this.invitations.delete(tx, organizationId, invitationId, actor),
    );
    if (!deleted) {
      throw new AdminManagementError('INVITATION_NOT_FOUND', 'No such invitation.');
    }
  }
}
