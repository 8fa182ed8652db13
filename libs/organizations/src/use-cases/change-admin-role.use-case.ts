import { Injectable } from '@nestjs/common';
import { Transactions } from '@rollcall/db';
import type { AdminProfile } from '../domain/admin-profile';
import type { AdminRole } from '../domain/admin-role';
import { assertAnOwnerRemains } from '../domain/admin-team.rules';
import { OrganizationError } from '../domain/organization.error';
import { AdminLookup } from '../persistence/admin.lookup';
import { OrganizationAdminStore } from '../persistence/organization-admin.store';

export interface ChangeAdminRoleCommand {
  organizationId: string;
  adminId: string;
  role: AdminRole;
  /** Who changes it: `admin:<e-mail>`. */
  actor: string;
}

/** An owner gives an admin another role; the organization always keeps an owner. */
@Injectable()
export class ChangeAdminRole {
  constructor(
    private readonly transactions: Transactions,
    private readonly admins: AdminLookup,
    private readonly store: OrganizationAdminStore,
  ) {}

  execute(command: ChangeAdminRoleCommand): Promise<AdminProfile> {
    return this.transactions.run(async (tx) => {
      const roles = await this.store.lockRolesOf(tx, command.organizationId);
      const target = roles.find((admin) => admin.id === command.adminId);
      if (!target) {
        throw new OrganizationError('ADMIN_NOT_FOUND', 'No such admin in this organization.');
      }
      assertAnOwnerRemains(roles, new Map([[command.adminId, command.role]]));
      await this.store.setRole(tx, command.organizationId, target, command.role, command.actor);
      const admin = await this.admins.find(command.adminId, tx);
      if (!admin) throw new Error('The admin just changed is missing.');
      return admin;
    });
  }
}
