import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { appendEvents, executorOf, managerOf, type Tx } from '@rollcall/db';
import { DEFAULT_SSO_POLICY, type StoredSsoPolicy } from '../domain/sso-policy';
import { EntraConnectionEntity } from './entra-connection.entity';
import { OidcProviderEntity } from './oidc-provider.entity';
import { SamlConnectionEntity } from './saml-connection.entity';
import { SsoPolicyEntity } from './sso-policy.entity';

/** The org's sign-in rules, and the providers they depend on. */
@Injectable()
export class SsoPolicyStore {
  constructor(private readonly dataSource: DataSource) {}

  async read(organizationId: string, tx?: Tx): Promise<StoredSsoPolicy> {
    const row = await executorOf(tx, this.dataSource).findOneBy(SsoPolicyEntity, {
      organizationId,
    });
    return row
      ? {
          requireSso: toBoolean(row.requireSso),
          jitProvisioning: row.jitProvisioning === null ? null : toBoolean(row.jitProvisioning),
          jitDomains: parseDomains(row.jitDomains),
          externalIdIsObjectId: toBoolean(row.externalIdIsObjectId),
          requireTwoFactor: toBoolean(row.requireTwoFactor),
        }
      : { ...DEFAULT_SSO_POLICY, jitDomains: [] };
  }

  /** Stores the org's rules, with their `sso.policy_updated` event. */
  async write(
    tx: Tx,
    organizationId: string,
    policy: StoredSsoPolicy,
    actor: string,
  ): Promise<void> {
    await managerOf(tx).upsert(
      SsoPolicyEntity,
      {
        organizationId,
        requireSso: policy.requireSso,
        jitProvisioning: policy.jitProvisioning,
        jitDomains: JSON.stringify(policy.jitDomains),
        externalIdIsObjectId: policy.externalIdIsObjectId,
        requireTwoFactor: policy.requireTwoFactor,
        updatedAt: new Date(),
      },
      ['organizationId'],
    );
    appendEvents(tx, [
      {
        organizationId,
        type: 'sso.policy_updated',
        actor,
        subject: { type: 'organization', id: organizationId },
        data: { policy },
      },
    ]);
  }

  /** A connected Microsoft tenant, a custom OIDC provider or a SAML identity provider. */
  async hasProvider(organizationId: string, tx?: Tx): Promise<boolean> {
    const manager = executorOf(tx, this.dataSource);
    return (
      (await manager.existsBy(EntraConnectionEntity, { organizationId })) ||
      (await manager.existsBy(OidcProviderEntity, { organizationId })) ||
      (await manager.existsBy(SamlConnectionEntity, { organizationId }))
    );
  }

  /**
   * Called after a provider is removed: with none left, Require SSO is turned off rather than
   * the removal refused, so disconnecting a broken IdP never leaves admins without a way in.
   */
  async releaseWithoutProvider(tx: Tx, organizationId: string): Promise<void> {
    if (await this.hasProvider(organizationId, tx)) return;
    await managerOf(tx).update(
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
