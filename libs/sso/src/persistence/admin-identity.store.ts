import type { SsoProviderKind } from '@rollcall/contracts';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { SqlRunner, SqlStatement, type Tx } from '@rollcall/db';
import type { AdminIdentityLink } from '../domain/admin-identity';
import type { FederatedIdentity } from '../domain/federated-identity';

interface LinkRow {
  provider: AdminIdentityLink['provider'];
  issuer_tenant: string;
  label: string;
  created_at: unknown;
}

// Found by the unique (organization_id, provider, issuer_tenant, subject) index.
const ADMIN_OF = new SqlStatement(
  `SELECT admin_id FROM admin_identities
   WHERE organization_id = ? AND provider = ? AND issuer_tenant = ? AND subject = ?`,
);
const IS_LINKED = new SqlStatement(
  `SELECT 1 AS linked FROM admin_identities
   WHERE admin_id = ? AND provider = ? AND issuer_tenant = ?`,
);
const DELETE_OF_ADMIN = new SqlStatement(
  `DELETE FROM admin_identities WHERE admin_id = ? AND provider = ? RETURNING id`,
);
const DELETE_ACCOUNT = new SqlStatement(
  `DELETE FROM admin_identities
   WHERE organization_id = ? AND provider = ? AND issuer_tenant = ? AND subject = ?`,
);
const INSERT = new SqlStatement(
  `INSERT INTO admin_identities (id, admin_id, organization_id, provider, issuer_tenant,
     subject, label, created_at)
   VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
);
const LINKS_OF = new SqlStatement(
  `SELECT provider, issuer_tenant, label, created_at FROM admin_identities
   WHERE admin_id = ? ORDER BY created_at ASC`,
);

/**
 * All SQL on `admin_identities`: admins' linked sign-in accounts, one per provider and admin.
 * Reads run in the caller's transaction when given one, else on their own.
 */
@Injectable()
export class AdminIdentityStore {
  private readonly sql: SqlRunner;

  constructor(dataSource: DataSource) {
    this.sql = new SqlRunner(dataSource);
  }

  /** The admin of this org linked to exactly this account, if any. */
  async adminOf(
    tx: Tx | undefined,
    organizationId: string,
    identity: FederatedIdentity,
  ): Promise<string | null> {
    const [row] = await this.sql.run<{ admin_id: string }>(tx, ADMIN_OF, [
      organizationId,
      identity.provider,
      identity.issuer,
      identity.subject,
    ]);
    return row?.admin_id ?? null;
  }

  /** Whether the admin linked an account of this provider and issuer (any subject). */
  async isLinked(
    tx: Tx | undefined,
    adminId: string,
    provider: SsoProviderKind,
    issuer: string,
  ): Promise<boolean> {
    const rows = await this.sql.run(tx, IS_LINKED, [adminId, provider, issuer]);
    return rows.length > 0;
  }

  /**
   * Links the account to the admin, replacing the admin's previous link of that provider; an
   * account linked to another admin of the org moves to this one (it proved it holds both).
   */
  async link(
    tx: Tx,
    admin: { id: string; organizationId: string },
    identity: FederatedIdentity,
  ): Promise<void> {
    await this.sql.run(tx, DELETE_OF_ADMIN, [admin.id, identity.provider]);
    await this.sql.run(tx, DELETE_ACCOUNT, [
      admin.organizationId,
      identity.provider,
      identity.issuer,
      identity.subject,
    ]);
    await this.sql.run(tx, INSERT, [
      randomUUID(),
      admin.id,
      admin.organizationId,
      identity.provider,
      identity.issuer,
      identity.subject,
      identity.label.slice(0, 320),
      this.sql.values.timestamp(new Date()),
    ]);
  }

  /** True when there was a link to remove. */
  async unlink(tx: Tx, adminId: string, provider: SsoProviderKind): Promise<boolean> {
    const deleted = await this.sql.run(tx, DELETE_OF_ADMIN, [adminId, provider]);
    return deleted.length > 0;
  }

  /** The admin's links, the oldest first. */
  async linksOf(tx: Tx | undefined, adminId: string): Promise<AdminIdentityLink[]> {
    const rows = await this.sql.run<LinkRow>(tx, LINKS_OF, [adminId]);
    return rows.map((row) => ({
      provider: row.provider,
      issuer: row.issuer_tenant,
      label: row.label,
      linkedAt: this.sql.values.readDate(row.created_at),
    }));
  }
}
