import { Injectable } from '@nestjs/common';
import { Transactions } from '@rollcall/db';
import { ScimOAuthError } from '../domain/scim-oauth.error';
import { OAuthClientStore } from '../persistence/oauth-client.store';
import { findOAuthClient } from './find-oauth-client';

/** Revokes one secret of a client: it gets no new tokens, and its tokens stop working. */
@Injectable()
export class RevokeOAuthClientSecret {
  constructor(
    private readonly transactions: Transactions,
    private readonly clients: OAuthClientStore,
  ) {}

  async execute(command: {
    organizationId: string;
    clientId: string;
    secretId: string;
    actor: string;
  }): Promise<void> {
    await this.transactions.run(async (tx) => {
      const client = await findOAuthClient(
        this.clients,
        tx,
        command.organizationId,
        command.clientId,
      );
      const secret = await this.clients.findSecret(tx, client.id, command.secretId);
      if (!secret) {
        throw new ScimOAuthError('OAUTH_CLIENT_SECRET_NOT_FOUND', 'No such client secret.');
      }
      if (secret.revokedAt) return;
      await this.clients.revokeSecret(tx, client, secret, new Date(), command.actor);
    });
  }
}
