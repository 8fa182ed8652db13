import { Injectable } from '@nestjs/common';
import { Transactions } from '@rollcall/db';
import { SsoError } from '../domain/sso.error';
import { EntraConnectionStore } from '../persistence/entra-connection.store';
import { SsoPolicyStore } from '../persistence/sso-policy.store';

/**
 * Disconnects the org's Entra tenant: Sign in with Microsoft stops finding the org. Users'
 * `oid` links are kept, so reconnecting the same tenant signs the same people in again.
 * Removing the last provider turns Require SSO off (see SsoPolicyStore.releaseWithoutProvider).
 */
@Injectable()
export class DisconnectEntraTenant {
  constructor(
    private readonly transactions: Transactions,
    private readonly connections: EntraConnectionStore,
    private readonly policies: SsoPolicyStore,
  ) {}

  execute(organizationId: string, actor: string): Promise<void> {
    return this.transactions.run(async (tx) => {
      if (!(await this.connections.disconnect(tx, organizationId, actor))) {
        throw new SsoError('SSO_NOT_CONNECTED', 'Microsoft Entra is not connected.');
      }
      await this.policies.releaseWithoutProvider(tx, organizationId);
    });
  }
}
