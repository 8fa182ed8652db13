import { Injectable } from '@nestjs/common';
import { Brackets, DataSource } from 'typeorm';
import { hashScimToken } from '../domain/scim-token.secret';
import { OrganizationEntity } from '../persistence/organization.entity';
import { ScimTokenEntity } from '../persistence/scim-token.entity';

/** Who is calling the SCIM API: an organization, through one of its tokens. */
export interface ScimPrincipal {
  organizationId: string;
  tokenId: string;
  tokenPrefix: string;
}

/** Last-used is a hint for admins, not an audit trail: one write a minute per token is plenty. */
const LAST_USED_RESOLUTION_MS = 60_000;

@Injectable()
export class AuthenticateScimToken {
  constructor(private readonly dataSource: DataSource) {}

  /** The principal for a live token of an organization with provisioning on, else null. */
  async execute(token: string): Promise<ScimPrincipal | null> {
    if (!token) return null;
    const row = await this.dataSource
      .createQueryBuilder(ScimTokenEntity, 't')
      .innerJoin(OrganizationEntity, 'o', 'o.id = t.organization_id')
      .select(['t.id', 't.organizationId', 't.prefix', 't.lastUsedAt'])
      .where('t.token_hash = :hash', { hash: hashScimToken(token) })
      .andWhere('t.revoked_at IS NULL')
      .andWhere('o.scim_enabled = :enabled', { enabled: true })
      .getOne();
    if (!row) return null;
    await this.touch(row);
    return { organizationId: row.organizationId, tokenId: row.id, tokenPrefix: row.prefix };
  }

  private async touch(token: ScimTokenEntity): Promise<void> {
    const now = new Date();
    if (token.lastUsedAt && now.getTime() - token.lastUsedAt.getTime() < LAST_USED_RESOLUTION_MS) {
      return;
    }
    const stale = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
    // Conditional, so concurrent requests of one token write it once. A lost update here only
    // delays the hint, so it does not queue behind other writers' transactions.
    await this.dataSource
      .createQueryBuilder()
      .update(ScimTokenEntity)
      .set({ lastUsedAt: now })
      .where('id = :id', { id: token.id })
      .andWhere(
        new Brackets((qb) =>
          qb.where('last_used_at IS NULL').orWhere('last_used_at < :stale', { stale }),
        ),
      )
      .execute();
  }
}
