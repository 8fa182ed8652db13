import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CacheInvalidation, appendEvents, inTransaction } from '@rollcall/db';
import { credentialEvent } from '../domain/credential.events';
import { SCIM_CREDENTIALS_TOPIC } from '@rollcall/organizations';
import { ScimOAuthError } from '../domain/scim-oauth.error';
import { FederatedCredentialEntity } from '../persistence/federated-credential.entity';

/** Stops trusting a federated credential: no more exchanges, and its tokens stop working. */
@Injectable()
export class RevokeFederatedCredential {
  constructor(
    private readonly dataSource: DataSource,
    private readonly invalidation: CacheInvalidation,
  ) {}

  async execute(command: { organizationId: string; id: string; actor: string }): Promise<void> {
    await inTransaction(this.dataSource, async (manager) => {
      const row = await manager.findOne(FederatedCredentialEntity, {
        where: { id: command.id, organizationId: command.organizationId },
      });
      if (!row) {
        throw new ScimOAuthError('FEDERATED_CREDENTIAL_NOT_FOUND', 'No such federated credential.');
      }
      if (row.revokedAt) return;
      await manager.update(FederatedCredentialEntity, { id: row.id }, { revokedAt: new Date() });
      await this.invalidation.announce(manager, SCIM_CREDENTIALS_TOPIC);
      appendEvents(manager, [
        credentialEvent('credential.revoked', row.organizationId, command.actor, {
          kind: 'federated_credential',
          id: row.id,
          name: row.name,
        }),
      ]);
    });
  }
}
