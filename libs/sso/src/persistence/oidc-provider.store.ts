import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { appendEvents, executorOf, managerOf, type Tx } from '@rollcall/db';
import type { StoredOidcProvider } from '../domain/oidc-provider';
import { OidcProviderEntity } from './oidc-provider.entity';

export interface OidcProviderSave {
  /** True when it replaces the org's provider, false when it is the first. */
  updated: boolean;
  clientSecretChanged: boolean;
  actor: string;
}

/** A provider's sealed client secret, for ENCRYPTION_KEY rotation. */
export interface SealedClientSecret {
  id: string;
  clientSecretSealed: string;
}

/** Organizations' custom OpenID Connect providers. */
@Injectable()
export class OidcProviderStore {
  constructor(private readonly dataSource: DataSource) {}

  async find(organizationId: string, tx?: Tx): Promise<StoredOidcProvider | null> {
    const row = await executorOf(tx, this.dataSource).findOneBy(OidcProviderEntity, {
      organizationId,
    });
    return row && toProvider(row);
  }

  /** Creates or replaces the org's provider, with its `sso.connected` event. */
  async save(tx: Tx, provider: StoredOidcProvider, save: OidcProviderSave): Promise<void> {
    const manager = managerOf(tx);
    const row: OidcProviderEntity = { ...provider };
    if (save.updated) await manager.update(OidcProviderEntity, { id: provider.id }, row);
    else await manager.insert(OidcProviderEntity, row);
    appendEvents(tx, [
      {
        organizationId: provider.organizationId,
        type: 'sso.connected',
        actor: save.actor,
        subject: { type: 'sso_provider', id: 'oidc' },
        // Never the client secret; whether it changed is enough.
        data: {
          provider: 'oidc',
          issuer: provider.issuer,
          clientId: provider.clientId,
          displayName: provider.displayName,
          updated: save.updated,
          clientSecretChanged: save.clientSecretChanged,
        },
      },
    ]);
  }

  /** Removes the org's provider with its `sso.disconnected` event; false when it had none. */
  async delete(tx: Tx, organizationId: string, actor: string): Promise<boolean> {
    const deleted = await managerOf(tx).delete(OidcProviderEntity, { organizationId });
    if (!deleted.affected) return false;
    appendEvents(tx, [
      {
        organizationId,
        type: 'sso.disconnected',
        actor,
        subject: { type: 'sso_provider', id: 'oidc' },
        data: { provider: 'oidc' },
      },
    ]);
    return true;
  }

  /** Every provider's sealed client secret. */
  async sealedClientSecrets(tx: Tx): Promise<SealedClientSecret[]> {
    const rows = await managerOf(tx).find(OidcProviderEntity, {
      select: { id: true, clientSecretSealed: true },
    });
    return rows.map(({ id, clientSecretSealed }) => ({ id, clientSecretSealed }));
  }

  async replaceSealedClientSecret(tx: Tx, id: string, clientSecretSealed: string): Promise<void> {
    await managerOf(tx).update(OidcProviderEntity, { id }, { clientSecretSealed });
  }
}

function toProvider(row: OidcProviderEntity): StoredOidcProvider {
  return {
    id: row.id,
    organizationId: row.organizationId,
    displayName: row.displayName,
    issuer: row.issuer,
    clientId: row.clientId,
    clientSecretSealed: row.clientSecretSealed,
    updatedByAdminId: row.updatedByAdminId,
    updatedByEmail: row.updatedByEmail,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
