import { Injectable } from '@nestjs/common';
import { Transactions } from '@rollcall/db';
import { ScimOAuthError } from '../domain/scim-oauth.error';
import { FederatedCredentialStore } from '../persistence/federated-credential.store';

/** Stops trusting a federated credential: no more exchanges, and its tokens stop working. */
@Injectable()
export class RevokeFederatedCredential {
  constructor(
    private readonly transactions: Transactions,
    private readonly credentials: FederatedCredentialStore,
  ) {}

  async execute(command: { organizationId: string; id: string; actor: string }): Promise<void> {
    await this.transactions.run(async (tx) => {
      const credential = await this.credentials.findInOrganization(
        tx,
        command.organizationId,
        command.id,
      );
      if (!credential) {
        throw new ScimOAuthError('FEDERATED_CREDENTIAL_NOT_FOUND', 'No such federated credential.');
      }
      if (credential.revokedAt) return;
      await this.credentials.revoke(tx, credential, new Date(), command.actor);
    });
  }
}
