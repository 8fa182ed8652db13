import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CacheInvalidation } from '@rollcall/db';
import { OrganizationEntity, SCIM_CREDENTIALS_TOPIC } from '@rollcall/organizations';
import type { CredentialType } from '../domain/access-token.claims';
import { FederatedCredentialEntity } from '../persistence/federated-credential.entity';
import { OAuthClientEntity } from '../persistence/oauth-client.entity';
import { OAuthClientSecretEntity } from '../persistence/oauth-client-secret.entity';

/**
 * How long a credential's state is trusted in memory: a safety net only. A revocation, or
 * provisioning turned off, is announced on the `scim-credentials` topic in its transaction,
 * and every process (workers, replicas) forgets all states before its next request; a
 * process that cannot be sure it heard every announcement reads the database each time.
 */
export const CREDENTIAL_STATUS_TTL_MS = 30_000;
const MAX_ENTRIES = 10_000;

export interface CredentialRef {
  organizationId: string;
  credentialType: CredentialType;
  credentialId: string;
  secretId?: string;
}

interface Status {
  live: boolean;
  /** A client secret expires on its own, announced by nobody: not live from then on. */
  expiresAt?: number;
}

interface Entry {
  status: Promise<Status>;
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
  private subscribed = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly invalidation: CacheInvalidation,
  ) {}

  async isLive(ref: CredentialRef): Promise<boolean> {
    const status = await this.status(ref);
    return status.live && (status.expiresAt === undefined || Date.now() < status.expiresAt);
  }

  /** Forgets every state, so this process reads the database on the next request. */
  invalidate(): void {
    this.entries.clear();
  }

  private status(ref: CredentialRef): Promise<Status> {
    if (!this.subscribed) {
      this.invalidation.subscribe(SCIM_CREDENTIALS_TOPIC, () => this.invalidate());
      this.subscribed = true;
    }
    this.invalidation.sync();
    if (!this.invalidation.coherent) return this.read(ref);
    const key = [ref.credentialType, ref.organizationId, ref.credentialId, ref.secretId ?? ''].join(
      ':',
    );
    const now = Date.now();
    const cached = this.entries.get(key);
    if (cached && now - cached.checkedAt < CREDENTIAL_STATUS_TTL_MS) return cached.status;
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    const entry: Entry = { status: this.read(ref), checkedAt: now };
    entry.status.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    this.entries.set(key, entry);
    return entry.status;
  }

  private async read(ref: CredentialRef): Promise<Status> {
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
      return { live: row !== null };
    }
    const query = this.dataSource
      .createQueryBuilder(OAuthClientEntity, 'c')
      .innerJoin(OrganizationEntity, 'o', 'o.id = c.organization_id')
      .select(['c.id'])
      .where('c.id = :id', { id: ref.credentialId })
      .andWhere('c.organization_id = :org', { org: ref.organizationId })
      .andWhere('c.revoked_at IS NULL')
      .andWhere('o.scim_enabled = :enabled', { enabled: true });
    if (!ref.secretId) return { live: (await query.getOne()) !== null };
    // A revoked secret ends the tokens issued with it; an expired one too.
    const row = await query
      .innerJoin(OAuthClientSecretEntity, 's', 's.oauth_client_id = c.id')
      .addSelect('s.expires_at', 'expires_at')
      .andWhere('s.id = :secretId', { secretId: ref.secretId })
      .andWhere('s.revoked_at IS NULL')
      .andWhere('s.expires_at > :now', { now: new Date() })
      .getRawOne<{ expires_at: Date | string }>();
    return row ? { live: true, expiresAt: timestampOf(row.expires_at) } : { live: false };
  }
}

/** PostgreSQL returns timestamptz as a Date; SQLite keeps TypeORM's UTC `YYYY-MM-DD hh:mm:ss.SSS`. */
function timestampOf(value: Date | string): number {
  if (value instanceof Date) return value.getTime();
  return Date.parse(value.includes('T') ? value : `${value.replace(' ', 'T')}Z`);
}
