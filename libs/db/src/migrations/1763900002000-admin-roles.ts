import type { MigrationInterface, QueryRunner } from 'typeorm';
import { columnTypes } from './column-types';

/**
 * Admins as a team: each admin has a role (owner, admin, viewer), and owners invite new
 * admins by a link. Every admin that existed before roles is an owner, as they could do
 * everything; a row inserted without a role gets the least privilege.
 */
export class AdminRoles1763900002000 implements MigrationInterface {
  name = 'AdminRoles1763900002000';

  async up(db: QueryRunner): Promise<void> {
    const t = columnTypes(db);
    await db.query(
      `ALTER TABLE organization_admins ADD COLUMN role varchar(16) NOT NULL DEFAULT 'viewer'
         CHECK (role IN ('owner', 'admin', 'viewer'))`,
    );
    await db.query(`UPDATE organization_admins SET role = 'owner'`);
    // Only the SHA-256 of an invitation token is kept; accepting deletes the row (single use).
    await db.query(`
      CREATE TABLE admin_invitations (
        id varchar(36) PRIMARY KEY NOT NULL,
        organization_id varchar(36) NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        email varchar(320) NOT NULL,
        email_normalized varchar(320) NOT NULL,
        role varchar(16) NOT NULL CHECK (role IN ('owner', 'admin', 'viewer')),
        token_hash char(64) NOT NULL,
        invited_by varchar(320) NOT NULL,
        created_at ${t.timestamp} NOT NULL,
        expires_at ${t.timestamp} NOT NULL
      )`);
    await db.query(
      `CREATE UNIQUE INDEX ux_admin_invitations_token ON admin_invitations (token_hash)`,
    );
    // One pending invitation per address and organization: inviting again replaces it.
    await db.query(
      `CREATE UNIQUE INDEX ux_admin_invitations_email ON admin_invitations (organization_id, email_normalized)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE admin_invitations`);
    await db.query(`ALTER TABLE organization_admins DROP COLUMN role`);
  }
}
