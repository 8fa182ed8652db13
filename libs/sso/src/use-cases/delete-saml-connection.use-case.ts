import { Injectable } from '@nestjs/common';
import { Transactions } from '@rollcall/db';
import { SsoError } from '../domain/sso.error';
import { SamlConnectionStore } from '../persistence/saml-connection.store';
import { SsoPolicyStore } from '../persistence/sso-policy.store';

/**
 * Removes the org's SAML identity provider: its sign-in stops at once. Links are kept, so the
 * same IdP configured again signs the same people in. Removing the last provider turns Require
 * SSO off (see SsoPolicyStore.releaseWithoutProvider).
 */
@Injectable()
export class DeleteSamlConnection {
  constructor(
    private readonly transactions: Transactions,
    private readonly connections: SamlConnectionStore,
    private readonly policies: SsoPolicyStore,
  ) {}

  execute(organizationId: string, actor: string): Promise<void> {
    return this.transactions.run(async (tx) => {
      if (!(await this.connections.delete(tx, organizationId, actor))) {
        throw new SsoError('SAML_PROVIDER_NOT_FOUND', 'No SAML identity provider is configured.');
      }
      await this.policies.releaseWithoutProvider(tx, organizationId);
    });
  }
}
