import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { inTransaction } from '@rollcall/db';
import { ScimOAuthError } from '../domain/scim-oauth.error';
import { CredentialStatusCache } from '../keys/credential-status.cache';
import { FederatedCredentialEntity } from '../persistence/federated-credential.entity';

/** Stops trusting a federated credential: no more exchanges, and its tokens stop working. */
@Injectable()
export class RevokeFederatedCredential {
  constructor(
    private readonly dataSource: DataSource,
    private readonly credentialStatus: CredentialStatusCache,
  ) {}

  async execute(command: { organizationId: string; id: string }): Promise<void> {
    await inTransaction(this.dataSource, async (manager) => {
      const row = await manager.findOne(FederatedCredentialEntity, {
        where: { id: command.id, organizationId: command.organizationId },
      });
      if (!row) {
        throw new ScimOAuthError('FEDERATED_CREDENTIAL_NOT_FOUND', 'No such federated credential.');
      }
      if (row.revokedAt) return;
      await manager.update(FederatedCredentialEntity, { id: row.id }, { revokedAt: new Date() });
    });
    this.credentialStatus.invalidate();
  }
}
