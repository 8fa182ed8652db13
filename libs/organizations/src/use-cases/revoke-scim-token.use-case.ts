import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { CacheInvalidation, appendEvents, inTransaction } from '@rollcall/db';
import { OrganizationError } from '../domain/organization.error';
import { SCIM_CREDENTIALS_TOPIC } from '../domain/scim-credentials.topic';
import { ScimTokenEntity } from '../persistence/scim-token.entity';

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
    private readonly dataSource: DataSource,
    private readonly invalidation: CacheInvalidation,
  ) {}

  execute(command: RevokeScimTokenCommand): Promise<RevokedScimToken> {
    return inTransaction(this.dataSource, async (manager) => {
      const scope = command.organizationId ? { organizationId: command.organizationId } : {};
      const matches = await manager.find(ScimTokenEntity, {
        where: [
          { ...scope, id: command.token, revokedAt: IsNull() },
          { ...scope, prefix: command.token, revokedAt: IsNull() },
        ],
        take: 2,
      });
      const [match, other] = matches;
      if (!match) {
        throw new OrganizationError('SCIM_TOKEN_NOT_FOUND', 'No live SCIM token matches.');
      }
      if (other) {
        throw new OrganizationError(
          'SCIM_TOKEN_AMBIGUOUS',
          'More than one live SCIM token has this prefix; revoke it by id.',
        );
      }
      await manager.update(ScimTokenEntity, { id: match.id }, { revokedAt: new Date() });
      await this.invalidation.announce(manager, SCIM_CREDENTIALS_TOPIC);
      appendEvents(manager, [
        {
          organizationId: match.organizationId,
          type: 'credential.revoked',
          actor: command.actor,
          subject: { type: 'credential', id: match.id },
          data: {
            credential: {
              kind: 'scim_token',
              id: match.id,
              prefix: match.prefix,
              label: match.label,
            },
          },
        },
      ]);
      return { id: match.id, organizationId: match.organizationId, prefix: match.prefix };
    });
  }
}
