import { Injectable } from '@nestjs/common';
import { Transactions } from '@rollcall/db';
import { SsoError } from '../domain/sso.error';
import { EntraConnectionStore } from '../persistence/entra-connection.store';
import { SsoPolicyStore } from '../persistence/sso-policy.store';

export interface ReleasedTenant {
  tenantId: string;
  organizationId: string;
}

/**
 * The operator's way out of a squatted tenant (CLI `tenant:release`): the binding is removed
 * whichever org holds it, so the tenant's real admins can connect it to their own org.
 */
@Injectable()
export class ReleaseEntraTenant {
  constructor(
    private readonly transactions: Transactions,
    private readonly connections: EntraConnectionStore,
    private readonly policies: SsoPolicyStore,
  ) {}

  execute(tenantId: string): Promise<ReleasedTenant> {
    return this.transactions.run(async (tx) => {
      const released = await this.connections.release(tx, tenantId.trim());
      if (!released) {
        throw new SsoError(
          'SSO_TENANT_NOT_CONNECTED',
          'No organization has this Microsoft Entra tenant connected.',
        );
      }
      await this.policies.releaseWithoutProvider(tx, released.organizationId);
      return { tenantId: released.tenantId, organizationId: released.organizationId };
    });
  }
}
