import { Injectable } from '@nestjs/common';
import { Transactions } from '@rollcall/db';
import { clientSecretExpiry } from '../domain/lifetimes';
import { ScimOAuthError } from '../domain/scim-oauth.error';
import { OAuthClientStore } from '../persistence/oauth-client.store';
import { toSecretSummary, type OAuthClientSecretSummary } from './credential.summaries';
import { findOAuthClient } from './find-oauth-client';
import { newClientSecret } from './new-client-secret';

/** Enough for a rotation with room to spare; more live secrets only widen the attack surface. */
export const MAX_LIVE_CLIENT_SECRETS = 5;

export interface CreatedOAuthClientSecret {
  secret: OAuthClientSecretSummary;
  /** Shown this once: only its hash is kept. */
  clientSecret: string;
}

/** A further secret for a client: rotation is add a secret, switch Entra, revoke the old one. */
@Injectable()
export class CreateOAuthClientSecret {
  constructor(
    private readonly transactions: Transactions,
    private readonly clients: OAuthClientStore,
  ) {}

  execute(command: {
    organizationId: string;
    clientId: string;
    lifetimeDays?: number;
    actor: string;
  }): Promise<CreatedOAuthClientSecret> {
    const now = new Date();
    const expiresAt = clientSecretExpiry(command.lifetimeDays, now);
    return this.transactions.run(async (tx) => {
      const client = await findOAuthClient(
        this.clients,
        tx,
        command.organizationId,
        command.clientId,
      );
      if (client.revokedAt) {
        throw new ScimOAuthError('OAUTH_CLIENT_REVOKED', 'The OAuth client is revoked.');
      }
      const live = await this.clients.countLiveSecrets(tx, client.id, now);
      if (live >= MAX_LIVE_CLIENT_SECRETS) {
        throw new ScimOAuthError(
          'OAUTH_CLIENT_SECRET_LIMIT_REACHED',
          `A client has at most ${MAX_LIVE_CLIENT_SECRETS} live secrets; revoke one first.`,
        );
      }
      const { row, clientSecret } = newClientSecret(client.id, expiresAt, now);
      await this.clients.addSecret(tx, client, row, command.actor);
      return { secret: toSecretSummary(row), clientSecret };
    });
  }
}
