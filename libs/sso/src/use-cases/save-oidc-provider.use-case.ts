import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { SecretBox } from '@rollcall/crypto';
import { appendEvents, inTransaction } from '@rollcall/db';
import { OrganizationAdminEntity } from '@rollcall/organizations';
import { checkIssuerUrl } from '../domain/oidc-issuer.policy';
import { SsoError } from '../domain/sso.error';
import { GenericOidcClient } from '../oidc/generic-oidc.client';
import { OidcProviderEntity } from '../persistence/oidc-provider.entity';
import { toOidcProvider, type OidcProvider } from './get-oidc-provider.use-case';

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
 * secret is sealed with the row id as context and never leaves this use case again.
 */
@Injectable()
export class SaveOidcProvider {
  constructor(
    private readonly dataSource: DataSource,
    private readonly client: GenericOidcClient,
    private readonly secretBox: SecretBox,
  ) {}

  async execute(command: SaveOidcProviderCommand): Promise<OidcProvider> {
    const issuer = checkIssuerUrl(command.issuer);
    const displayName = command.displayName.trim();
    const clientId = command.clientId.trim();
    await this.client.verify(issuer);
    return inTransaction(this.dataSource, async (manager) => {
      const existing = await manager.findOneBy(OidcProviderEntity, {
        organizationId: command.organizationId,
      });
      const id = existing?.id ?? randomUUID();
      let clientSecretSealed: string;
      if (command.clientSecret) {
        clientSecretSealed = this.secretBox.seal(command.clientSecret, id);
      } else if (existing) {
        clientSecretSealed = existing.clientSecretSealed;
      } else {
        throw new SsoError('OIDC_CLIENT_SECRET_REQUIRED', 'Enter the client secret.');
      }
      const admin = await manager.findOneByOrFail(OrganizationAdminEntity, {
        id: command.adminId,
      });
      const now = new Date();
      const row: OidcProviderEntity = {
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
      if (existing) await manager.update(OidcProviderEntity, { id }, row);
      else await manager.insert(OidcProviderEntity, row);
      appendEvents(manager, [
        {
          organizationId: command.organizationId,
          type: 'sso.connected',
          actor: `admin:${admin.email}`,
          subject: { type: 'sso_provider', id: 'oidc' },
          // Never the client secret; whether it changed is enough.
          data: {
            provider: 'oidc',
            issuer,
            clientId,
            displayName,
            updated: existing !== null,
            clientSecretChanged: Boolean(command.clientSecret),
          },
        },
      ]);
      return toOidcProvider(row);
    });
  }
}
