import { Injectable } from '@nestjs/common';
import { Transactions } from '@rollcall/db';
import { OrganizationError } from '../domain/organization.error';
import { ScimTokenStore } from '../persistence/scim-token.store';

export interface RevokeScimTokenCommand {
  /** The token's id or its visible prefix (`rcs_…`, as listed). */
  token: string;
  /** When given, only this organization's tokens are considered. */
  organizationId?: string;
  actor: string;
}

export interface RevokedScimToken {
  id: string;
  organizationId: string;
  prefix: string;
}

/** Every process refuses the token from its next request on (see CacheInvalidation). */
@Injectable()
export class RevokeScimToken {
  constructor(
    private readonly transactions: Transactions,
    private readonly tokens: ScimTokenStore,
  ) {}

  execute(command: RevokeScimTokenCommand): Promise<RevokedScimToken> {
    return this.transactions.run(async (tx) => {
      const [match, other] = await this.tokens.findLive(tx, command.token, command.organizationId);
      if (!match) {
        throw new OrganizationError('SCIM_TOKEN_NOT_FOUND', 'No live SCIM token matches.');
      }
      if (other) {
        throw new OrganizationError(
          'SCIM_TOKEN_AMBIGUOUS',
          'More than one live SCIM token has this prefix; revoke it by id.',
        );
      }
      await this.tokens.revoke(tx, match, command.actor, new Date());
      return { id: match.id, organizationId: match.organizationId, prefix: match.prefix };
    });
  }
}
