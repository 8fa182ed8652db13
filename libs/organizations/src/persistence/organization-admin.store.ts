import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SqlRunner, SqlStatement, appendEvents, type NewEvent, type Tx } from '@rollcall/db';
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
  'SELECT id, email, role FROM organization_admins WHERE organization_id = ? ORDER BY id',
);
const ANY_SIGNED_IN = new SqlStatement(
  'SELECT id FROM organization_admins WHERE last_login_at IS NOT NULL LIMIT 1',
);

/** An admin as its events name it. */
export interface AdminEventRef {
  id: string;
  organizationId: string;
  email: string;
}

/** An event about one admin whose data is just `{admin: {id, email}}`. */
function adminEvent(type: string, admin: AdminEventRef, actor: string): NewEvent {
  return {
    organizationId: admin.organizationId,
    type,
    actor,
    subject: { type: 'admin', id: admin.id },
    data: { admin: { id: admin.id, email: admin.email } },
  };
}

export interface AdminRoleRow {
  id: string;
  email: string;
  role: AdminRole;
}

/**
 * All writes on `organization_admins` (admins, their passwords and roles) but the sign-in
 * stamp, which is AdminLookup's; reads are AdminLookup's. Appends the `admin.*` events of
 * these writes (never a password or its hash).
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

  /** An invited person becomes an admin: the row, with its admin.joined event (by them). */
  async join(tx: Tx, admin: NewAdmin): Promise<void> {
    await this.insert(tx, admin);
    appendEvents(tx, [
      {
        organizationId: admin.organizationId,
        type: 'admin.joined',
        actor: `admin:${admin.email}`,
        subject: { type: 'admin', id: admin.id },
        data: { admin: { id: admin.id, email: admin.email, role: admin.role } },
      },
    ]);
  }

  /** Without an event: the operator's reset and the demo's boot. */
  async setPasswordHash(tx: Tx, adminId: string, passwordHash: string): Promise<void> {
    await this.sql.run(tx, SET_PASSWORD_HASH, [passwordHash, adminId]);
  }

  /** A new password, with its admin.password_changed event (never the hash). */
  async changePassword(
    tx: Tx,
    admin: AdminEventRef,
    passwordHash: string,
    actor: string,
  ): Promise<void> {
    await this.setPasswordHash(tx, admin.id, passwordHash);
    appendEvents(tx, [adminEvent('admin.password_changed', admin, actor)]);
  }

  /** A new role, with its admin.role_changed event; nothing when the role is unchanged. */
  async setRole(
    tx: Tx,
    organizationId: string,
    admin: AdminRoleRow,
    role: AdminRole,
    actor: string,
  ): Promise<void> {
    await this.sql.run(tx, SET_ROLE, [role, admin.id, organizationId]);
    if (admin.role === role) return;
    appendEvents(tx, [
      {
        organizationId,
        type: 'admin.role_changed',
        actor,
        subject: { type: 'admin', id: admin.id },
        data: { admin: { id: admin.id, email: admin.email }, role, previousRole: admin.role },
      },
    ]);
  }

  /** Removes the admin, with its admin.removed event. */
  async delete(tx: Tx, organizationId: string, admin: AdminRoleRow, actor: string): Promise<void> {
    await this.sql.run(tx, DELETE, [admin.id, organizationId]);
    appendEvents(tx, [
      {
        organizationId,
        type: 'admin.removed',
        actor,
        subject: { type: 'admin', id: admin.id },
        data: { admin: { id: admin.id, email: admin.email, role: admin.role } },
      },
    ]);
  }

  /**
   * Hands the organization from one owner to another admin: both roles, with one
   * admin.ownership_transferred event.
   */
  async transferOwnership(
    tx: Tx,
    organizationId: string,
    from: AdminRoleRow,
    to: AdminRoleRow,
    actor: string,
  ): Promise<void> {
    await this.sql.run(tx, SET_ROLE, ['owner', to.id, organizationId]);
    await this.sql.run(tx, SET_ROLE, ['admin', from.id, organizationId]);
    appendEvents(tx, [
      {
        organizationId,
        type: 'admin.ownership_transferred',
        actor,
        subject: { type: 'admin', id: to.id },
        data: {
          from: { id: from.id, email: from.email },
          to: { id: to.id, email: to.email },
        },
      },
    ]);
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
