import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { SecretBox } from '@rollcall/crypto';
import { Transactions } from '@rollcall/db';
import { AdminLookup } from '@rollcall/organizations';
import { checkIssuerUrl } from '../domain/oidc-issuer.policy';
import {
  toOidcProvider,
  type OidcProvider,
  type StoredOidcProvider,
} from '../domain/oidc-provider';
import { SsoError } from '../domain/sso.error';
import { GenericOidcClient } from '../oidc/generic-oidc.client';
import { OidcProviderStore } from '../persistence/oidc-provider.store';

export interface SaveOidcProviderCommand {
  organizationId: string;
  adminId: string;
  displayName: string;
  issuer: string;
  clientId: string;
  /** Required when creating; undefined on an update keeps the stored secret. */
  clientSecret?: string;
}

/**
 * Creates or replaces the org's custom OIDC provider. Discovery runs first, so an issuer that
 * is unreachable or names another issuer is refused before anything is stored. The client
 * secret is sealed with the provider's id as context and never leaves this use case again.
 */
@Injectable()
export class SaveOidcProvider {
  constructor(
    private readonly transactions: Transactions,
    private readonly providers: OidcProviderStore,
    private readonly admins: AdminLookup,
    private readonly client: GenericOidcClient,
    private readonly secretBox: SecretBox,
  ) {}

  async execute(command: SaveOidcProviderCommand): Promise<OidcProvider> {
    const issuer = checkIssuerUrl(command.issuer);
    const displayName = command.displayName.trim();
    const clientId = command.clientId.trim();
    await this.client.verify(issuer);
    return this.transactions.run(async (tx) => {
      const existing = await this.providers.find(command.organizationId, tx);
      const id = existing?.id ?? randomUUID();
      let clientSecretSealed: string;
      if (command.clientSecret) {
        clientSecretSealed = this.secretBox.seal(command.clientSecret, id);
      } else if (existing) {
        clientSecretSealed = existing.clientSecretSealed;
      } else {
        throw new SsoError('OIDC_CLIENT_SECRET_REQUIRED', 'Enter the client secret.');
      }
      const admin = await this.admins.find(command.adminId, tx);
      if (!admin) throw new Error(`Admin ${command.adminId} does not exist.`);
      const now = new Date();
      const provider: StoredOidcProvider = {
        id,
        organizationId: command.organizationId,
        displayName,
        issuer,
        clientId,
        clientSecretSealed,
        updatedByAdminId: admin.id,
        updatedByEmail: admin.email,
        createdAt: existing?.createdAt ?? now,
        updatedAt: now,
      };
      await this.providers.save(tx, provider, {
        updated: existing !== null,
        clientSecretChanged: Boolean(command.clientSecret),
        actor: `admin:${admin.email}`,
      });
      return toOidcProvider(provider);
    });
  }
}
