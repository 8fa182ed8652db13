import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SqlRunner, SqlStatement, inIdList, type Tx } from '@rollcall/db';
import { isAdminRole } from '../domain/admin-role';
import {
  normalizeAdminEmail,
  type AdminCredentials,
  type AdminProfile,
} from '../domain/admin-profile';

interface AdminRow {
  id: string;
  organization_id: string;
  email: string;
  role: string;
  created_at: unknown;
  last_login_at: unknown;
}

const SELECT = `SELECT id, organization_id, email, role, created_at, last_login_at
  FROM organization_admins`;
const BY_ID = new SqlStatement(`${SELECT} WHERE id = ?`);
const BY_EMAIL = new SqlStatement(`${SELECT} WHERE email_normalized = ?`);
// The first admin first: the order the dashboard lists them in, and break-glass seniority.
const OF_ORGANIZATION = new SqlStatement(
  `${SELECT} WHERE organization_id = ? ORDER BY created_at, id`,
);
const CREDENTIALS_BY_EMAIL = new SqlStatement(
  `SELECT id, organization_id, email, role, created_at, last_login_at, password_hash
   FROM organization_admins WHERE email_normalized = ?`,
);
const RECORD_LOGIN = new SqlStatement(
  'UPDATE organization_admins SET last_login_at = ? WHERE id = ?',
);

/**
 * Organization admins as other features read them (sso's sessions and sign-ins, the actor
 * of a change): never the password hash, except through `credentialsByEmail`, which only the
 * password sign-in calls. `recordLogin` is the one write another feature makes here.
 */
@Injectable()
export class AdminLookup {
  private readonly sql: SqlRunner;
  private readonly byIds: SqlStatement;
  private readonly byEmailsInOrganization: SqlStatement;

  constructor(dataSource: DataSource) {
    this.sql = new SqlRunner(dataSource);
    this.byIds = new SqlStatement(`${SELECT} WHERE ${inIdList('id', this.sql.dialect)}`);
    this.byEmailsInOrganization = new SqlStatement(
      `${SELECT} WHERE organization_id = ? AND ${inIdList('email_normalized', this.sql.dialect)}
       ORDER BY created_at, id`,
    );
  }

  /** Inside `tx` when given one: what that transaction has changed counts. */
  async find(adminId: string, tx?: Tx): Promise<AdminProfile | null> {
    const rows = await this.sql.run<AdminRow>(tx, BY_ID, [adminId]);
    return rows[0] ? this.profileOf(rows[0]) : null;
  }

  /** The admins among `adminIds` that exist, by id; one statement whatever the count. */
  async findMany(adminIds: readonly string[], tx?: Tx): Promise<Map<string, AdminProfile>> {
    const found = new Map<string, AdminProfile>();
    const unique = [...new Set(adminIds)];
    if (unique.length === 0) return found;
    const rows = await this.sql.run<AdminRow>(tx, this.byIds, [this.sql.values.idList(unique)]);
    for (const row of rows) found.set(row.id, this.profileOf(row));
    return found;
  }

  /**
   * The admin with this e-mail in any organization (an address administers one organization
   * at most), matched case-insensitively.
   */
  async findByEmail(email: string, tx?: Tx): Promise<AdminProfile | null> {
    const rows = await this.sql.run<AdminRow>(tx, BY_EMAIL, [normalizeAdminEmail(email)]);
    return rows[0] ? this.profileOf(rows[0]) : null;
  }

  /** The organization's admins whose e-mail is one of `emails` (case-insensitive), first first. */
  async findByEmails(
    organizationId: string,
    emails: readonly string[],
    tx?: Tx,
  ): Promise<AdminProfile[]> {
    const normalized = [...new Set(emails.map(normalizeAdminEmail))];
    if (normalized.length === 0) return [];
    const rows = await this.sql.run<AdminRow>(tx, this.byEmailsInOrganization, [
      organizationId,
      this.sql.values.idList(normalized),
    ]);
    return rows.map((row) => this.profileOf(row));
  }

  /** Every admin of the organization, the first admin first (created_at, then id). */
  async listOf(organizationId: string, tx?: Tx): Promise<AdminProfile[]> {
    const rows = await this.sql.run<AdminRow>(tx, OF_ORGANIZATION, [organizationId]);
    return rows.map((row) => this.profileOf(row));
  }

  /** For the password sign-in only: the admin with this e-mail and their password hash. */
  async credentialsByEmail(email: string, tx?: Tx): Promise<AdminCredentials | null> {
    const rows = await this.sql.run<AdminRow & { password_hash: string }>(
      tx,
      CREDENTIALS_BY_EMAIL,
      [normalizeAdminEmail(email)],
    );
    const row = rows[0];
    return row ? { admin: this.profileOf(row), passwordHash: row.password_hash } : null;
  }

  /** Stamps a sign-in, in the transaction that opens the admin's session. */
  async recordLogin(tx: Tx, adminId: string, at: Date): Promise<void> {
    await this.sql.run(tx, RECORD_LOGIN, [this.sql.values.timestamp(at), adminId]);
  }

  private profileOf(row: AdminRow): AdminProfile {
    const v = this.sql.values;
    return {
      id: row.id,
      organizationId: row.organization_id,
      email: row.email,
      // The column's CHECK constraint allows nothing else; least privilege if it ever did.
      role: isAdminRole(row.role) ? row.role : 'viewer',
      createdAt: v.readDate(row.created_at),
      lastLoginAt: v.readDateOrNull(row.last_login_at),
    };
  }
}
