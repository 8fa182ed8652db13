import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { FederatedIdentity } from '../domain/federated-identity';
import { AdminIdentityEntity } from './admin-identity.entity';

export interface AdminIdentityLink {
  provider: 'microsoft' | 'oidc';
  issuer: string;
  label: string;
  linkedAt: Date;
}

/** Admins' linked sign-in accounts: one per provider and admin. */
@Injectable()
export class AdminIdentityStore {
  /** The admin of this org linked to exactly this account, if any. */
  async adminOf(
    manager: EntityManager,
    organizationId: string,
    identity: FederatedIdentity,
  ): Promise<string | null> {
    const row = await manager.findOneBy(AdminIdentityEntity, {
      organizationId,
      provider: identity.provider,
      issuerTenant: identity.issuer,
      subject: identity.subject,
    });
    return row?.adminId ?? null;
  }

  /** Whether the admin linked an account of this provider and issuer (any subject). */
  async isLinked(
    manager: EntityManager,
    adminId: string,
    provider: 'microsoft' | 'oidc',
    issuer: string,
  ): Promise<boolean> {
    return manager.existsBy(AdminIdentityEntity, { adminId, provider, issuerTenant: issuer });
  }

  /**
   * Links the account to the admin, replacing the admin's previous link of that provider; an
   * account linked to another admin of the org moves to this one (it proved it holds both).
   */
  async link(
    manager: EntityManager,
    admin: { id: string; organizationId: string },
    identity: FederatedIdentity,
  ): Promise<void> {
    await manager.delete(AdminIdentityEntity, { adminId: admin.id, provider: identity.provider });
    await manager.delete(AdminIdentityEntity, {
      organizationId: admin.organizationId,
      provider: identity.provider,
      issuerTenant: identity.issuer,
      subject: identity.subject,
    });
    await manager.insert(AdminIdentityEntity, {
      id: randomUUID(),
      adminId: admin.id,
      organizationId: admin.organizationId,
      provider: identity.provider,
      issuerTenant: identity.issuer,
      subject: identity.subject,
      label: identity.label.slice(0, 320),
      createdAt: new Date(),
    });
  }

  /** True when there was a link to remove. */
  async unlink(
    manager: EntityManager,
    adminId: string,
    provider: 'microsoft' | 'oidc',
  ): Promise<boolean> {
    const deleted = await manager.delete(AdminIdentityEntity, { adminId, provider });
    return (deleted.affected ?? 0) > 0;
  }

  async linksOf(manager: EntityManager, adminId: string): Promise<AdminIdentityLink[]> {
    const rows = await manager.find(AdminIdentityEntity, {
      where: { adminId },
      order: { createdAt: 'ASC' },
    });
    return rows.map((row) => ({
      provider: row.provider,
      issuer: row.issuerTenant,
      label: row.label,
      linkedAt: row.createdAt,
    }));
  }
}
