import { Injectable } from '@nestjs/common';
import { Transactions } from '@rollcall/db';
import { accessTokenLifetimeMinutes, credentialName } from '../domain/lifetimes';
import { ScimOAuthError } from '../domain/scim-oauth.error';
import { OAuthClientStore } from '../persistence/oauth-client.store';
import { toClientSummary, type OAuthClientSummary } from './credential.summaries';
import { findOAuthClient } from './find-oauth-client';

export interface UpdateOAuthClientCommand {
  organizationId: string;
  id: string;
  name?: string;
  /** Applies to tokens issued from now on. */
  accessTokenLifetimeMinutes?: number;
  actor: string;
}

/** Renames a client or changes the lifetime of the tokens it gets next. */
@Injectable()
export class UpdateOAuthClient {
  constructor(
    private readonly transactions: Transactions,
    private readonly clients: OAuthClientStore,
  ) {}

  execute(command: UpdateOAuthClientCommand): Promise<OAuthClientSummary> {
    return this.transactions.run(async (tx) => {
      const client = await findOAuthClient(this.clients, tx, command.organizationId, command.id);
      if (client.revokedAt) {
        throw new ScimOAuthError('OAUTH_CLIENT_REVOKED', 'The OAuth client is revoked.');
      }
      if (command.name !== undefined) client.name = credentialName(command.name, 'client');
      if (command.accessTokenLifetimeMinutes !== undefined) {
        client.accessTokenLifetimeMinutes = accessTokenLifetimeMinutes(
          command.accessTokenLifetimeMinutes,
        );
      }
      await this.clients.update(tx, client, command.actor);
      const secrets = await this.clients.secretsOf([client.id], tx);
      return toClientSummary(client, secrets);
    });
  }
}
