import { Injectable } from '@nestjs/common';
import type { ApiKeySummary } from '../domain/api-key';
import { ApiKeyStore } from '../persistence/api-key.store';

/** An organization's API keys, newest first: live, expired and revoked ones. */
@Injectable()
export class ListApiKeys {
  constructor(private readonly store: ApiKeyStore) {}

  execute(organizationId: string): Promise<ApiKeySummary[]> {
    return this.store.list(organizationId);
  }
}
