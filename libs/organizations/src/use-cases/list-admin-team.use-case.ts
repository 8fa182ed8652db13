import { Injectable } from '@nestjs/common';
import type { AdminInvitation } from '../domain/admin-invitation';
import type { AdminProfile } from '../domain/admin-profile';
import { AdminInvitationStore } from '../persistence/admin-invitation.store';
import { AdminLookup } from '../persistence/admin.lookup';

export interface AdminTeam {
  admins: AdminProfile[];
  /** Not accepted yet, expired ones included (the dashboard offers to invite again). */
  invitations: AdminInvitation[];
}

/** The organization's admins, first admin first, and its pending invitations. */
@Injectable()
export class ListAdminTeam {
  constructor(
    private readonly admins: AdminLookup,
    private readonly invitations: AdminInvitationStore,
  ) {}

  async execute(organizationId: string): Promise<AdminTeam> {
    const [admins, invitations] = await Promise.all([
      this.admins.listOf(organizationId),
      this.invitations.listOf(organizationId),
    ]);
    return { admins, invitations };
  }
}
