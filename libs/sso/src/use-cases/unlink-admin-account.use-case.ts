import type { SsoProviderKind } from '@rollcall/contracts';
import { Injectable } from '@nestjs/common';
import { Transactions } from '@rollcall/db';
import { SsoError } from '../domain/sso.error';
import { AdminIdentityStore } from '../persistence/admin-identity.store';

/** The admin's linked account of a provider stops opening their dashboard session. */
@Injectable()
export class UnlinkAdminAccount {
  constructor(
    private readonly transactions: Transactions,
    private readonly adminIdentities: AdminIdentityStore,
  ) {}

  async execute(adminId: string, provider: SsoProviderKind): Promise<void> {
    const unlinked = await this.transactions.run((tx) =>
      this.adminIdentities.unlink(tx, adminId, provider),
    );
    if (!unlinked) {
      throw new SsoError('SSO_LINK_NOT_FOUND', 'No account of this provider is linked to you.');
    }
  }
}
