import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { appendEvents, inTransaction } from '@rollcall/db';
import { SsoError } from '../domain/sso.error';
import { EntraConnectionEntity } from '../persistence/entra-connection.entity';
import { SsoPolicyStore } from '../persistence/sso-policy.store';

/**
 * Disconnects the org's Entra tenant: Sign in with Microsoft stops finding the org. Users'
 * `oid` links are kept, so reconnecting the same tenant signs the same people in again.
 * Removing the last provider turns Require SSO off (see SsoPolicyStore.releaseWithoutProvider).
 */
@Injectable()
export class DisconnectEntraTenant {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policies: SsoPolicyStore,
  ) {}

  execute(organizationId: string, actor: string): Promise<void> {
    return inTransaction(this.dataSource, async (manager) => {
      const result = await manager.delete(EntraConnectionEntity, { organizationId });
      if (!result.affected) {
        throw new SsoError('SSO_NOT_CONNECTED', 'Microsoft Entra is not connected.');
      }
      await this.policies.releaseWithoutProvider(manager, organizationId);
      appendEvents(manager, [
        {
          organizationId,
          type: 'sso.disconnected',
          actor,
          subject: { type: 'sso_provider', id: 'microsoft' },
          data: { provider: 'microsoft' },
        },
      ]);
    });
  }
}
