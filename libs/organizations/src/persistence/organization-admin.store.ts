import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SqlRunner, SqlStatement, type Tx } from '@rollcall/db';
import { normalizeAdminEmail } from '../domain/admin-profile';

export interface NewAdmin {
  id: string;
  organizationId: string;
  /** Trimmed, as the operator typed it. */
  email: string;
  passwordHash: string;
  createdAt: Date;
}

const INSERT = new SqlStatement(
  `INSERT INTO organization_admins (id, organization_id, email, email_normalized, password_hash,
     created_at, last_login_at)
   VALUES (?, ?, ?, ?, ?, ?, NULL)`,
);
const SET_PASSWORD_HASH = new SqlStatement(
  'UPDATE organization_admins SET password_hash = ? WHERE id = ?',
);
const ANY_SIGNED_IN = new SqlStatement(
  'SELECT id FROM organization_admins WHERE last_login_at IS NOT NULL LIMIT 1',
);

/**
 * All writes on `organization_admins` (admins and their passwords) but the sign-in stamp,
 * which is AdminLookup's; reads are AdminLookup's.
 */
@Injectable()
export class OrganizationAdminStore {
  private readonly sql: SqlRunner;

  constructor(dataSource: DataSource) {
    this.sql = new SqlRunner(dataSource);
  }

  async insert(tx: Tx, admin: NewAdmin): Promise<void> {
    await this.sql.run(tx, INSERT, [
      admin.id,
      admin.organizationId,
      admin.email,
      normalizeAdminEmail(admin.email),
      admin.passwordHash,
      this.sql.values.timestamp(admin.createdAt),
    ]);
  }

  async setPasswordHash(tx: Tx, adminId: string, passwordHash: string): Promise<void> {
    await this.sql.run(tx, SET_PASSWORD_HASH, [passwordHash, adminId]);
  }

  /** Whether any admin of any organization has ever signed in. */
  async anySignedIn(): Promise<boolean> {
    const rows = await this.sql.run(undefined, ANY_SIGNED_IN, []);
    return rows.length > 0;
  }
}
