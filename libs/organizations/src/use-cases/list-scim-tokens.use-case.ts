import { Injectable } from '@nestjs/common';
import type { ScimTokenSummary } from '../domain/scim-token';
import { ScimTokenStore } from '../persistence/scim-token.store';

@Injectable()
export class ListScimTokens {
  constructor(private readonly tokens: ScimTokenStore) {}

  /** An organization's tokens, newest first; never the secret, which is not stored. */
  execute(organizationId: string): Promise<ScimTokenSummary[]> {
    return this.tokens.list(organizationId);
  }
}
