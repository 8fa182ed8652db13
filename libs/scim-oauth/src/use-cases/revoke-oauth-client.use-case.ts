import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { inTransaction } from '@rollcall/db';
import { CredentialStatusCache } from '../keys/credential-status.cache';
import { OAuthClientEntity } from '../persistence/oauth-client.entity';
import { findOAuthClient } from './find-oauth-client';

/**
 * Revokes a client: no new tokens, and the tokens it holds stop working (at once on this
 * replica, within 30 s on the others). Revoking twice is harmless.
 */
@Injectable()
export class RevokeOAuthClient {
  constructor(
    private readonly dataSource: DataSource,
    private readonly credentialStatus: CredentialStatusCache,
  ) {}

  async execute(command: { organizationId: string; id: string }): Promise<void> {
    await inTransaction(this.dataSource, async (manager) => {
      const client = await findOAuthClient(manager, command.organizationId, command.id);
      if (client.revokedAt) return;
      await manager.update(OAuthClientEntity, { id: client.id }, { revokedAt: new Date() });
    });
    this.credentialStatus.invalidate();
  }
}
