import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CacheInvalidation, appendEvents, inTransaction } from '@rollcall/db';
import { ApiKeyError } from '../domain/api-key.error';
import { API_KEYS_TOPIC } from '../domain/api-keys.topic';
import { ApiKeyStore } from '../persistence/api-key.store';

/**
 * Every process refuses the key from its next request on (see CacheInvalidation). Revoking
 * a key that is already revoked succeeds, so a retried DELETE is harmless.
 */
@Injectable()
export class RevokeApiKey {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: ApiKeyStore,
    private readonly invalidation: CacheInvalidation,
  ) {}

  async execute(organizationId: string, id: string, actor: string): Promise<void> {
    await inTransaction(this.dataSource, async (manager) => {
      const outcome = await this.store.revoke(manager, organizationId, id, new Date());
      switch (outcome) {
        case 'not-found':
          throw new ApiKeyError(
            'API_KEY_NOT_FOUND',
            'No API key of this organization has this id.',
          );
        case 'already-revoked':
          return;
        case 'revoked':
          await this.invalidation.announce(manager, API_KEYS_TOPIC);
          appendEvents(manager, [
            {
              organizationId,
              type: 'api_key.revoked',
              actor,
              subject: { type: 'api_key', id },
              data: { apiKey: { id } },
            },
          ]);
          return;
      }
    });
  }
}
