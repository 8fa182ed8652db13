import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CacheInvalidation, appendEvents, inTransaction } from '@rollcall/db';
import { credentialEvent } from '../domain/credential.events';
import { SCIM_CREDENTIALS_TOPIC } from '@rollcall/organizations';
import { OAuthClientEntity } from '../persistence/oauth-client.entity';
import { findOAuthClient } from './find-oauth-client';

/**
 * Revokes a client: no new tokens, and the tokens it holds stop working (in every process
 * from its next request). Revoking twice is harmless.
 */
@Injectable()
export class RevokeOAuthClient {
  constructor(
    private readonly dataSource: DataSource,
    private readonly invalidation: CacheInvalidation,
  ) {}

  async execute(command: { organizationId: string; id: string; actor: string }): Promise<void> {
    await inTransaction(this.dataSource, async (manager) => {
      const client = await findOAuthClient(manager, command.organizationId, command.id);
      if (client.revokedAt) return;
      await manager.update(OAuthClientEntity, { id: client.id }, { revokedAt: new Date() });
      await this.invalidation.announce(manager, SCIM_CREDENTIALS_TOPIC);
      appendEvents(manager, [
        credentialEvent('credential.revoked', command.organizationId, command.actor, {
          kind: 'oauth_client',
          id: client.id,
          name: client.name,
          clientId: client.clientId,
        }),
      ]);
    });
  }
}
