import { Injectable } from '@nestjs/common';
import { Transactions } from '@rollcall/db';
import { ApiKeyError } from '../domain/api-key.error';
import { ApiKeyStore } from '../persistence/api-key.store';

/**
 * Every process refuses the key from its next request on (see CacheInvalidation). Revoking
 * a key that is already revoked succeeds, so a retried DELETE is harmless.
 */
@Injectable()
export class RevokeApiKey {
  constructor(
    private readonly transactions: Transactions,
    private readonly store: ApiKeyStore,
  ) {}

  async execute(organizationId: string, id: string, actor: string): Promise<void> {
    const outcome = await this.transactions.run((tx) =>
      this.store.revoke(tx, organizationId, id, actor, new Date()),
    );
    if (outcome === 'not-found') {
      throw new ApiKeyError('API_KEY_NOT_FOUND', 'No API key of this organization has this id.');
    }
  }
}
