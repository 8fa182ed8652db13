import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { appendEvents, inTransaction } from '@rollcall/db';
import { credentialEvent } from '../domain/credential.events';
import { accessTokenLifetimeMinutes, credentialName } from '../domain/lifetimes';
import { ScimOAuthError } from '../domain/scim-oauth.error';
import { OAuthClientSecretEntity } from '../persistence/oauth-client-secret.entity';
import { OAuthClientEntity } from '../persistence/oauth-client.entity';
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
  constructor(private readonly dataSource: DataSource) {}

  execute(command: UpdateOAuthClientCommand): Promise<OAuthClientSummary> {
    return inTransaction(this.dataSource, async (manager) => {
      const client = await findOAuthClient(manager, command.organizationId, command.id);
      if (client.revokedAt) {
        throw new ScimOAuthError('OAUTH_CLIENT_REVOKED', 'The OAuth client is revoked.');
      }
      if (command.name !== undefined) client.name = credentialName(command.name, 'client');
      if (command.accessTokenLifetimeMinutes !== undefined) {
        client.accessTokenLifetimeMinutes = accessTokenLifetimeMinutes(
          command.accessTokenLifetimeMinutes,
        );
      }
      await manager.update(
        OAuthClientEntity,
        { id: client.id },
        { name: client.name, accessTokenLifetimeMinutes: client.accessTokenLifetimeMinutes },
      );
      appendEvents(manager, [
        credentialEvent('credential.updated', command.organizationId, command.actor, {
          kind: 'oauth_client',
          id: client.id,
          name: client.name,
          clientId: client.clientId,
        }),
      ]);
      const secrets = await manager.find(OAuthClientSecretEntity, {
        where: { oauthClientId: client.id },
      });
      return toClientSummary(client, secrets);
    });
  }
}
