import { Injectable } from '@nestjs/common';
import {
  hashInvitationToken,
  isInvitationExpired,
  isWellFormedInvitationToken,
  type AdminInvitation,
} from '../domain/admin-invitation';
import { AdminManagementError } from '../domain/admin-management.error';
import { AdminInvitationStore } from '../persistence/admin-invitation.store';
import { OrganizationLookup } from '../persistence/organization.lookup';

export interface InvitationPreview {
  invitation: AdminInvitation;
  organizationName: string;
}

export const INVITATION_NOT_FOUND_MESSAGE =
  'This invitation link is not valid: it was used, withdrawn or replaced, or it expired. Ask for a new one.';

/** What an invitation link offers, for the accept page: unknown, used and expired look alike. */
@Injectable()
export class GetAdminInvitation {
  constructor(
    private readonly invitations: AdminInvitationStore,
    private readonly organizations: OrganizationLookup,
  ) {}

  async execute(token: string, now = new Date()): Promise<InvitationPreview> {
    const invitation = isWellFormedInvitationToken(token)
      ? await this.invitations.findByTokenHash(hashInvitationToken(token))
      : null;
    const organization = invitation && (await this.organizations.find(invitation.organizationId));
    if (!invitation || !organization || isInvitationExpired(invitation, now)) {
      throw new AdminManagementError('INVITATION_NOT_FOUND', INVITATION_NOT_FOUND_MESSAGE);
    }
    return { invitation, organizationName: organization.name };
  }
}
