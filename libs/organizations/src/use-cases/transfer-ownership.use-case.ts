import { Injectable } from '@nestjs/common';
import { Transactions } from '@rollcall/db';
import { AdminManagementError } from '../domain/admin-management.error';
import type { AdminRole } from '../domain/admin-role';
import { assertAnOwnerRemains } from '../domain/admin-team.rules';
import { OrganizationError } from '../domain/organization.error';
import { OrganizationAdminStore } from '../persistence/organization-admin.store';

export interface TransferOwnershipCommand {
  organizationId: string;
  /** The owner handing over: becomes an admin. */
  fromAdminId: string;
  /** Becomes an owner. */
  toAdminId: string;
  /** Who transfers it: `admin:<e-mail>` of the owner handing over. */
  actor: string;
}

/** The calling owner makes another admin the owner and steps down to admin, in one change. */
@Injectable()
export class TransferOwnership {
  constructor(
    private readonly transactions: Transactions,
    private readonly store: OrganizationAdminStore,
  ) {}

  execute(command: TransferOwnershipCommand): Promise<void> {
    if (command.fromAdminId === command.toAdminId) {
      throw new AdminManagementError('TRANSFER_TO_SELF', 'You already own this organization.');
    }
    return this.transactions.run(async (tx) => {
      const roles = await this.store.lockRolesOf(tx, command.organizationId);
      const to = roles.find((admin) => admin.id === command.toAdminId);
      const from = roles.find((admin) => admin.id === command.fromAdminId);
      if (!to || !from) {
        throw new OrganizationError('ADMIN_NOT_FOUND', 'No such admin in this organization.');
      }
      const changes = new Map<string, AdminRole>([
        [command.toAdminId, 'owner'],
        [command.fromAdminId, 'admin'],
      ]);
      assertAnOwnerRemains(roles, changes);
      await this.store.transferOwnership(tx, command.organizationId, from, to, command.actor);
    });
  }
}
