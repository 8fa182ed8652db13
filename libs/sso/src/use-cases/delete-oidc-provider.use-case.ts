import { Injectable } from '@nestjs/common';
import { Transactions } from '@rollcall/db';
import { SsoError } from '../domain/sso.error';
import { OidcProviderStore } from '../persistence/oidc-provider.store';
import { SsoPolicyStore } from '../persistence/sso-policy.store';

/**
 * Removes the org's custom provider: its sign-in stops at once. Users' links are kept, so the
 * same issuer saved again signs the same people in. Removing the last provider turns Require
 * SSO off (see SsoPolicyStore.releaseWithoutProvider).
 */
@Injectable()
export class DeleteOidcProvider {
  constructor(
    private readonly transactions: Transactions,
    private readonly providers: OidcProviderStore,
    private readonly policies: SsoPolicyStore,
  ) {}

  execute(organizationId: string, actor: string): Promise<void> {
    return this.transactions.run(async (tx) => {
      if (!(await this.providers.delete(tx, organizationId, actor))) {
        throw new SsoError('OIDC_PROVIDER_NOT_FOUND', 'No custom OIDC provider is configured.');
      }
      await this.policies.releaseWithoutProvider(tx, organizationId);
    });
  }
}
