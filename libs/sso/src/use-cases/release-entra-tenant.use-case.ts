import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { appendEvents, inTransaction } from '@rollcall/db';
import { SsoError } from '../domain/sso.error';
import { EntraConnectionEntity } from '../persistence/entra-connection.entity';
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
    private readonly dataSource: DataSource,
    private readonly policies: SsoPolicyStore,
  ) {}

  execute(tenantId: string): Promise<ReleasedTenant> {
    return inTransaction(this.dataSource, async (manager) => {
      const row = await manager.findOneBy(EntraConnectionEntity, { tenantId: tenantId.trim() });
      if (!row) {
        throw new SsoError(
          'SSO_TENANT_NOT_CONNECTED',
          'No organization has this Microsoft Entra tenant connected.',
        );
      }
      await manager.delete(EntraConnectionEntity, { organizationId: row.organizationId });
      await this.policies.releaseWithoutProvider(manager, row.organizationId);
      appendEvents(manager, [
        {
          organizationId: row.organizationId,
          type: 'sso.disconnected',
          actor: 'cli',
          subject: { type: 'sso_provider', id: 'microsoft' },
          data: { provider: 'microsoft', tenantId: row.tenantId, releasedByOperator: true },
        },
      ]);
      return { tenantId: row.tenantId, organizationId: row.organizationId };
    });
  }
}
