import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { appendEvents, inTransaction } from '@rollcall/db';
import { credentialEvent } from '../domain/credential.events';
import {
  accessTokenLifetimeMinutes,
  clientSecretExpiry,
  credentialName,
} from '../domain/lifetimes';
import { generateClientId } from '../domain/oauth-client.secret';
import { OAuthClientSecretEntity } from '../persistence/oauth-client-secret.entity';
import { OAuthClientEntity } from '../persistence/oauth-client.entity';
import { toClientSummary, type OAuthClientSummary } from './credential.summaries';
import { newClientSecret } from './new-client-secret';

export interface CreateOAuthClientCommand {
  organizationId: string;
  name: string;
  accessTokenLifetimeMinutes?: number;
  secretLifetimeDays?: number;
  actor: string;
}

export interface CreatedOAuthClient {
  client: OAuthClientSummary;
  /** Shown this once: only its hash is kept. */
  clientSecret: string;
}

/** A new OAuth client for Entra's provisioning service, with its first secret. */
@Injectable()
export class CreateOAuthClient {
  constructor(private readonly dataSource: DataSource) {}

  async execute(command: CreateOAuthClientCommand): Promise<CreatedOAuthClient> {
    const now = new Date();
    const client: OAuthClientEntity = {
      id: randomUUID(),
      organizationId: command.organizationId,
      clientId: generateClientId(),
      name: credentialName(command.name, 'client'),
      accessTokenLifetimeMinutes: accessTokenLifetimeMinutes(command.accessTokenLifetimeMinutes),
      createdAt: now,
      lastUsedAt: null,
      revokedAt: null,
    };
    const { row: secret, clientSecret } = newClientSecret(
      client.id,
      clientSecretExpiry(command.secretLifetimeDays, now),
      now,
    );
    await inTransaction(this.dataSource, async (manager) => {
      await manager.insert(OAuthClientEntity, client);
      await manager.insert(OAuthClientSecretEntity, secret);
      appendEvents(manager, [
        credentialEvent('credential.created', client.organizationId, command.actor, {
          kind: 'oauth_client',
          id: client.id,
          name: client.name,
          clientId: client.clientId,
        }),
      ]);
    });
    return { client: toClientSummary(client, [secret]), clientSecret };
  }
}
