import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { appendEvents, inTransaction } from '@rollcall/db';
import { SsoError } from '../domain/sso.error';
import { OidcProviderEntity } from '../persistence/oidc-provider.entity';
import { SsoPolicyStore } from '../persistence/sso-policy.store';

/**
 * Removes the org's custom provider: its sign-in stops at once. Users' links are kept, so the
 * same issuer saved again signs the same people in. Removing the last provider turns Require
 * SSO off (see SsoPolicyStore.releaseWithoutProvider).
 */
@Injectable()
export class DeleteOidcProvider {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policies: SsoPolicyStore,
  ) {}

  execute(organizationId: string, actor: string): Promise<void> {
    return inTransaction(this.dataSource, async (manager) => {
      const result = await manager.delete(OidcProviderEntity, { organizationId });
      if (!result.affected) {
        throw new SsoError('OIDC_PROVIDER_NOT_FOUND', 'No custom OIDC provider is configured.');
      }
      await this.policies.releaseWithoutProvider(manager, organizationId);
      appendEvents(manager, [
        {
          organizationId,
          type: 'sso.disconnected',
          actor,
          subject: { type: 'sso_provider', id: 'oidc' },
          data: { provider: 'oidc' },
        },
      ]);
    });
  }
}
