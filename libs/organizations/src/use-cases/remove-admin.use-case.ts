import { Injectable } from '@nestjs/common';
import { Transactions } from '@rollcall/db';
import { assertAnOwnerRemains } from '../domain/admin-team.rules';
import { OrganizationError } from '../domain/organization.error';
import { OrganizationAdminStore } from '../persistence/organization-admin.store';

/**
 * An owner removes an admin. Their sessions and linked sign-in identities go with the row
 * (foreign key cascades), so they are signed out at their next request.
 */
@Injectable()
export class RemoveAdmin {
  constructor(
    private readonly transactions: Transactions,
    private readonly store: OrganizationAdminStore,
  ) {}

  /** `actor`: who removes them, `admin:<e-mail>`. */
  execute(organizationId: string, adminId: string, actor: string): Promise<void> {
    return this.transactions.run(async (tx) => {
      const roles = await this.store.lockRolesOf(tx, organizationId);
      const target = roles.find((admin) => admin.id === adminId);
      if (!target) {
        throw new OrganizationError('ADMIN_NOT_FOUND', 'No such admin in this organization.');
      }
      assertAnOwnerRemains(roles, new Map([[adminId, null]]));
      await this.store.delete(tx, organizationId, target, actor);
    });
  }
}
