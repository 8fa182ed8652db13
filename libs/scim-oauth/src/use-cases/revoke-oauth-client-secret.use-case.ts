import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CacheInvalidation, appendEvents, inTransaction } from '@rollcall/db';
import { credentialEvent } from '../domain/credential.events';
import { SCIM_CREDENTIALS_TOPIC } from '@rollcall/organizations';
import { ScimOAuthError } from '../domain/scim-oauth.error';
import { OAuthClientSecretEntity } from '../persistence/oauth-client-secret.entity';
import { findOAuthClient } from './find-oauth-client';

/** Revokes one secret of a client: it gets no new tokens, and its tokens stop working. */
@Injectable()
export class RevokeOAuthClientSecret {
  constructor(
    private readonly dataSource: DataSource,
    private readonly invalidation: CacheInvalidation,
  ) {}

  async execute(command: {
    organizationId: string;
    clientId: string;
    secretId: string;
    actor: string;
  }): Promise<void> {
    await inTransaction(this.dataSource, async (manager) => {
      const client = await findOAuthClient(manager, command.organizationId, command.clientId);
      const secret = await manager.findOne(OAuthClientSecretEntity, {
        where: { id: command.secretId, oauthClientId: client.id },
      });
      if (!secret) {
        throw new ScimOAuthError('OAUTH_CLIENT_SECRET_NOT_FOUND', 'No such client secret.');
      }
      if (secret.revokedAt) return;
      await manager.update(OAuthClientSecretEntity, { id: secret.id }, { revokedAt: new Date() });
      await this.invalidation.announce(manager, SCIM_CREDENTIALS_TOPIC);
      appendEvents(manager, [
        credentialEvent('credential.revoked', command.organizationId, command.actor, {
          kind: 'oauth_client_secret',
          id: secret.id,
          clientId: client.clientId,
        }),
      ]);
    });
  }
}
