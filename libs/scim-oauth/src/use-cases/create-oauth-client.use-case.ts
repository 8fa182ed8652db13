import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Transactions } from '@rollcall/db';
import {
  accessTokenLifetimeMinutes,
  clientSecretExpiry,
  credentialName,
} from '../domain/lifetimes';
import type { OAuthClient } from '../domain/oauth-client';
import { generateClientId } from '../domain/oauth-client.secret';
import { OAuthClientStore } from '../persistence/oauth-client.store';
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
  constructor(
    private readonly transactions: Transactions,
    private readonly clients: OAuthClientStore,
  ) {}

  async execute(command: CreateOAuthClientCommand): Promise<CreatedOAuthClient> {
    const now = new Date();
    const client: OAuthClient = {
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
    await this.transactions.run((tx) => this.clients.create(tx, client, secret, command.actor));
    return { client: toClientSummary(client, [secret]), clientSecret };
  }
}
