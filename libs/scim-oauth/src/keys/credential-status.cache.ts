import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OrganizationEntity } from '@rollcall/organizations';
import type { CredentialType } from '../domain/access-token.claims';
import { FederatedCredentialEntity } from '../persistence/federated-credential.entity';
import { OAuthClientEntity } from '../persistence/oauth-client.entity';
import { OAuthClientSecretEntity } from '../persistence/oauth-client-secret.entity';

/**
 * How long a credential's state is trusted in memory. Revocation on this replica is immediate
 * (the cache is cleared); other replicas see it within this time, far inside one token
 * lifetime (at least 60 minutes).
 */
export const CREDENTIAL_STATUS_TTL_MS = 30_000;
const MAX_ENTRIES = 10_000;

export interface CredentialRef {
  organizationId: string;
  credentialType: CredentialType;
  credentialId: string;
  secretId?: string;
}

interface Entry {
  live: Promise<boolean>;
  checkedAt: number;
}

/**
 * Whether the credential behind an access token is still live: not revoked, its org has
 * provisioning on, and (for client tokens) the secret presented is not revoked or expired.
 * At most one database read per credential every 30 s, whatever the request rate.
 */
@Injectable()
export class CredentialStatusCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly dataSource: DataSource) {}

  isLive(ref: CredentialRef): Promise<boolean> {
    const key = [ref.credentialType, ref.organizationId, ref.credentialId, ref.secretId ?? ''].join(
      ':',
    );
    const now = Date.now();
    const cached = this.entries.get(key);
    if (cached && now - cached.checkedAt < CREDENTIAL_STATUS_TTL_MS) return cached.live;
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    const live = this.read(ref).catch((error: unknown) => {
      this.entries.delete(key);
      throw error;
    });
    this.entries.set(key, { live, checkedAt: now });
    return live;
  }

  /** An admin revoked something: forget every state, so this replica refuses at once. */
  invalidate(): void {
    this.entries.clear();
  }

  private async read(ref: CredentialRef): Promise<boolean> {
    if (ref.credentialType === 'federated') {
      const row = await this.dataSource
        .createQueryBuilder(FederatedCredentialEntity, 'f')
        .innerJoin(OrganizationEntity, 'o', 'o.id = f.organization_id')
        .select(['f.id'])
        .where('f.id = :id', { id: ref.credentialId })
        .andWhere('f.organization_id = :org', { org: ref.organizationId })
        .andWhere('f.revoked_at IS NULL')
        .andWhere('o.scim_enabled = :enabled', { enabled: true })
        .getOne();
      return row !== null;
    }
    const query = this.dataSource
      .createQueryBuilder(OAuthClientEntity, 'c')
      .innerJoin(OrganizationEntity, 'o', 'o.id = c.organization_id')
      .select(['c.id'])
      .where('c.id = :id', { id: ref.credentialId })
      .andWhere('c.organization_id = :org', { org: ref.organizationId })
      .andWhere('c.revoked_at IS NULL')
      .andWhere('o.scim_enabled = :enabled', { enabled: true });
    if (ref.secretId) {
      // A revoked secret ends the tokens issued with it; an expired one too.
      query
        .innerJoin(OAuthClientSecretEntity, 's', 's.oauth_client_id = c.id')
        .andWhere('s.id = :secretId', { secretId: ref.secretId })
        .andWhere('s.revoked_at IS NULL')
        .andWhere('s.expires_at > :now', { now: new Date() });
    }
    return (await query.getOne()) !== null;
  }
}
