import { Injectable } from '@nestjs/common';
import { DataSource, IsNull, MoreThan } from 'typeorm';
import { appendEvents, inTransaction } from '@rollcall/db';
import { credentialEvent } from '../domain/credential.events';
import { clientSecretExpiry } from '../domain/lifetimes';
import { ScimOAuthError } from '../domain/scim-oauth.error';
import { OAuthClientSecretEntity } from '../persistence/oauth-client-secret.entity';
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
  constructor(private readonly dataSource: DataSource) {}

  execute(command: {
    organizationId: string;
    clientId: string;
    lifetimeDays?: number;
    actor: string;
  }): Promise<CreatedOAuthClientSecret> {
    const now = new Date();
    const expiresAt = clientSecretExpiry(command.lifetimeDays, now);
    return inTransaction(this.dataSource, async (manager) => {
      const client = await findOAuthClient(manager, command.organizationId, command.clientId);
      if (client.revokedAt) {
        throw new ScimOAuthError('OAUTH_CLIENT_REVOKED', 'The OAuth client is revoked.');
      }
      const live = await manager.count(OAuthClientSecretEntity, {
        where: { oauthClientId: client.id, revokedAt: IsNull(), expiresAt: MoreThan(now) },
      });
      if (live >= MAX_LIVE_CLIENT_SECRETS) {
        throw new ScimOAuthError(
          'OAUTH_CLIENT_SECRET_LIMIT_REACHED',
          `A client has at most ${MAX_LIVE_CLIENT_SECRETS} live secrets; revoke one first.`,
        );
      }
      const { row, clientSecret } = newClientSecret(client.id, expiresAt, now);
      await manager.insert(OAuthClientSecretEntity, row);
      appendEvents(manager, [
        credentialEvent('credential.created', client.organizationId, command.actor, {
          kind: 'oauth_client_secret',
          id: row.id,
          clientId: client.clientId,
        }),
      ]);
      return { secret: toSecretSummary(row), clientSecret };
    });
  }
}
