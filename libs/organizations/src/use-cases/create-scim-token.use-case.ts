import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { appendEvents, dialectOf, inTransaction } from '@rollcall/db';
import { OrganizationError } from '../domain/organization.error';
import { generateScimTokenSecret } from '../domain/scim-token.secret';
import { OrganizationEntity } from '../persistence/organization.entity';
import { ScimTokenEntity } from '../persistence/scim-token.entity';

/** Two live tokens let an admin paste a new one into Entra before revoking the old one. */
export const MAX_LIVE_SCIM_TOKENS = 2;

export interface IssuedScimToken {
  id: string;
  organizationId: string;
  prefix: string;
  createdAt: Date;
  /** The secret itself; this is the only time it is known. */
  token: string;
}

@Injectable()
export class CreateScimToken {
  constructor(private readonly dataSource: DataSource) {}

  execute(organizationId: string, actor: string, label?: string): Promise<IssuedScimToken> {
    return inTransaction(this.dataSource, (manager) =>
      this.issueWithin(manager, organizationId, actor, label),
    );
  }

  /** Issues a token inside a caller's transaction (organization creation uses it). */
  async issueWithin(
    manager: EntityManager,
    organizationId: string,
    actor: string,
    label?: string,
  ): Promise<IssuedScimToken> {
    // Locking the organization row serialises concurrent issuers on PostgreSQL, so the
    // live-token limit holds; SQLite writers already take turns (see inTransaction).
    const organization = await manager.findOne(OrganizationEntity, {
      where: { id: organizationId },
      ...(dialectOf(this.dataSource) === 'postgres'
        ? { lock: { mode: 'pessimistic_write' as const } }
        : {}),
    });
    if (!organization) {
      throw new OrganizationError('ORGANIZATION_NOT_FOUND', 'No such organization.');
    }
    const live = await manager.count(ScimTokenEntity, {
      where: { organizationId, revokedAt: IsNull() },
    });
    if (live >= MAX_LIVE_SCIM_TOKENS) {
      throw new OrganizationError(
        'SCIM_TOKEN_LIMIT_REACHED',
        `An organization can have ${MAX_LIVE_SCIM_TOKENS} live SCIM tokens; revoke one first.`,
      );
    }
    const secret = generateScimTokenSecret();
    const entity = manager.create(ScimTokenEntity, {
      id: randomUUID(),
      organizationId,
      tokenHash: secret.hash,
      prefix: secret.prefix,
      label: label ?? null,
      createdAt: new Date(),
      lastUsedAt: null,
      revokedAt: null,
    });
    await manager.insert(ScimTokenEntity, entity);
    appendEvents(manager, [
      {
        organizationId,
        type: 'credential.created',
        actor,
        subject: { type: 'credential', id: entity.id },
        data: {
          credential: {
            kind: 'scim_token',
            id: entity.id,
            prefix: entity.prefix,
            label: entity.label,
          },
        },
      },
    ]);
    return {
      id: entity.id,
      organizationId,
      prefix: entity.prefix,
      createdAt: entity.createdAt,
      token: secret.token,
    };
  }
}
