import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SqlRunner, SqlStatement, type Tx } from '@rollcall/db';
import { normalizeAdminEmail } from '../domain/admin-profile';
import type { AdminRole } from '../domain/admin-role';

export interface NewAdmin {
  id: string;
  organizationId: string;
  /** Trimmed, as the operator typed it. */
  email: string;
  passwordHash: string;
  role: AdminRole;
  createdAt: Date;
}

const INSERT = new SqlStatement(
  `INSERT INTO organization_admins (id, organization_id, email, email_normalized, password_hash,
     role, created_at, last_login_at)
   VALUES (?, ?, ?, ?, ?, ?, ?, NULL)`,
);
const SET_PASSWORD_HASH = new SqlStatement(
  'UPDATE organization_admins SET password_hash = ? WHERE id = ?',
);
const SET_ROLE = new SqlStatement(
  'UPDATE organization_admins SET role = ? WHERE id = ? AND organization_id = ?',
);
// The sessions, identities and other rows of the admin go with it (foreign key cascades).
const DELETE = new SqlStatement(
  'DELETE FROM organization_admins WHERE id = ? AND organization_id = ?',
);
const ROLES_OF_ORGANIZATION = new SqlStatement(
  'SELECT id, role FROM organization_admins WHERE organization_id = ? ORDER BY id',
);
const ANY_SIGNED_IN = new SqlStatement(
  'SELECT id FROM organization_admins WHERE last_login_at IS NOT NULL LIMIT 1',
);

export interface AdminRoleRow {
  id: string;
  role: AdminRole;
}

/**
 * All writes on `organization_admins` (admins, their passwords and roles) but the sign-in
 * stamp, which is AdminLookup's; reads are AdminLookup's.
 */
@Injectable()
export class OrganizationAdminStore {
  private readonly sql: SqlRunner;
  private readonly lockedRoles: SqlStatement;

  constructor(dataSource: DataSource) {
    this.sql = new SqlRunner(dataSource);
    // SQLite has one writer at a time already; PostgreSQL locks the rows, so two owners
    // demoting each other at once cannot both pass the last-owner check.
    this.lockedRoles =
      this.sql.dialect === 'postgres'
        ? ROLES_OF_ORGANIZATION.append('FOR UPDATE')
        : ROLES_OF_ORGANIZATION;
  }

  async insert(tx: Tx, admin: NewAdmin): Promise<void> {
    await this.sql.run(tx, INSERT, [
      admin.id,
      admin.organizationId,
      admin.email,
      normalizeAdminEmail(admin.email),
      admin.passwordHash,
      admin.role,
      this.sql.values.timestamp(admin.createdAt),
    ]);
  }

  async setPasswordHash(tx: Tx, adminId: string, passwordHash: string): Promise<void> {
    await this.sql.run(tx, SET_PASSWORD_HASH, [passwordHash, adminId]);
  }

  async setRole(tx: Tx, organizationId: string, adminId: string, role: AdminRole): Promise<void> {
    await this.sql.run(tx, SET_ROLE, [role, adminId, organizationId]);
  }

  async delete(tx: Tx, organizationId: string, adminId: string): Promise<void> {
    await this.sql.run(tx, DELETE, [adminId, organizationId]);
  }

  /**
   * Every admin's role in the organization, locked until `tx` ends: what a change of roles
   * checks the last-owner rule against.
   */
  async lockRolesOf(tx: Tx, organizationId: string): Promise<AdminRoleRow[]> {
    return this.sql.run<AdminRoleRow>(tx, this.lockedRoles, [organizationId]);
  }

  /** Whether any admin of any organization has ever signed in. */
  async anySignedIn(): Promise<boolean> {
    const rows = await this.sql.run(undefined, ANY_SIGNED_IN, []);
    return rows.length > 0;
  }
}
