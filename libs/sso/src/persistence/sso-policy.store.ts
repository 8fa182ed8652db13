import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EntraConnectionEntity } from './entra-connection.entity';
import { OidcProviderEntity } from './oidc-provider.entity';
import { SsoPolicyEntity } from './sso-policy.entity';

export interface StoredSsoPolicy {
  requireSso: boolean;
  jitProvisioning: boolean | null;
  /** Lower-cased; empty: nobody is created just in time. */
  jitDomains: string[];
  externalIdIsObjectId: boolean;
}

const DEFAULT_POLICY: StoredSsoPolicy = {
  requireSso: false,
  jitProvisioning: null,
  jitDomains: [],
  externalIdIsObjectId: false,
};

/** The org's sign-in rules, and the providers they depend on. */
@Injectable()
export class SsoPolicyStore {
  async read(manager: EntityManager, organizationId: string): Promise<StoredSsoPolicy> {
    const row = await manager.findOneBy(SsoPolicyEntity, { organizationId });
    return row
      ? {
          requireSso: toBoolean(row.requireSso),
          jitProvisioning: row.jitProvisioning === null ? null : toBoolean(row.jitProvisioning),
          jitDomains: parseDomains(row.jitDomains),
          externalIdIsObjectId: toBoolean(row.externalIdIsObjectId),
        }
      : DEFAULT_POLICY;
  }

  async write(manager: EntityManager, organizationId: string, policy: StoredSsoPolicy) {
    await manager.upsert(
      SsoPolicyEntity,
      {
        organizationId,
        requireSso: policy.requireSso,
        jitProvisioning: policy.jitProvisioning,
        jitDomains: JSON.stringify(policy.jitDomains),
        externalIdIsObjectId: policy.externalIdIsObjectId,
        updatedAt: new Date(),
      },
      ['organizationId'],
    );
  }

  /** A connected Microsoft tenant or a custom OIDC provider. */
  async hasProvider(manager: EntityManager, organizationId: string): Promise<boolean> {
    return (
      (await manager.existsBy(EntraConnectionEntity, { organizationId })) ||
      (await manager.existsBy(OidcProviderEntity, { organizationId }))
    );
  }

  /**
   * Called after a provider is removed: with none left, Require SSO is turned off rather than
   * the removal refused, so disconnecting a broken IdP never leaves admins without a way in.
   */
  async releaseWithoutProvider(manager: EntityManager, organizationId: string): Promise<void> {
    if (await this.hasProvider(manager, organizationId)) return;
    await manager.update(
      SsoPolicyEntity,
      { organizationId, requireSso: true },
      { requireSso: false, updatedAt: new Date() },
    );
  }
}

// SQLite returns booleans as 0/1.
function toBoolean(value: boolean | number): boolean {
  return value === true || value === 1;
}

function parseDomains(stored: string | null): string[] {
  if (!stored) return [];
  const parsed: unknown = JSON.parse(stored);
  return Array.isArray(parsed) ? parsed.filter((d): d is string => typeof d === 'string') : [];
}
