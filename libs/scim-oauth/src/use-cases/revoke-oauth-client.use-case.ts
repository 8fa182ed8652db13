import { Injectable } from '@nestjs/common';
import { Transactions } from '@rollcall/db';
import { OAuthClientStore } from '../persistence/oauth-client.store';
import { findOAuthClient } from './find-oauth-client';

/**
 * Revokes a client: no new tokens, and the tokens it holds stop working (in every process
 * from its next request). Revoking twice is harmless.
 */
@Injectable()
export class RevokeOAuthClient {
  constructor(
    private readonly transactions: Transactions,
    private readonly clients: OAuthClientStore,
  ) {}

  async execute(command: { organizationId: string; id: string; actor: string }): Promise<void> {
    await this.transactions.run(async (tx) => {
      const client = await findOAuthClient(this.clients, tx, command.organizationId, command.id);
      if (client.revokedAt) return;
      await this.clients.revoke(tx, client, new Date(), command.actor);
    });
  }
}
