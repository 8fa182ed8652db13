import type { MigrationInterface, QueryRunner } from 'typeorm';
import { columnTypes } from './column-types';

/**
 * An admin's own second factor: a TOTP secret (sealed, pending until a first code confirms
 * it), single-use recovery codes (hashed), and the short-lived challenges that carry a password
 * sign-in to its second step. The org can require two-factor for password sign-ins.
 */
export class AdminTwoFactor1763900002100 implements MigrationInterface {
  name = 'AdminTwoFactor1763900002100';

  async up(db: QueryRunner): Promise<void> {
    const t = columnTypes(db);
    // last_used_step: the newest TOTP time step accepted, so no code is accepted twice.
    await db.query(`
      CREATE TABLE admin_two_factor (
        admin_id varchar(36) PRIMARY KEY NOT NULL REFERENCES organization_admins (id) ON DELETE CASCADE,
        secret_sealed text NOT NULL,
        enabled_at ${t.timestamp} NULL,
        last_used_step bigint NULL,
        created_at ${t.timestamp} NOT NULL
      )`);
    await db.query(`
      CREATE TABLE admin_recovery_codes (
        id varchar(36) PRIMARY KEY NOT NULL,
        admin_id varchar(36) NOT NULL REFERENCES organization_admins (id) ON DELETE CASCADE,
        code_hash char(64) NOT NULL,
        created_at ${t.timestamp} NOT NULL,
        used_at ${t.timestamp} NULL
      )`);
    await db.query(
      `CREATE UNIQUE INDEX ux_admin_recovery_codes_hash ON admin_recovery_codes (admin_id, code_hash)`,
    );
    await db.query(`
      CREATE TABLE admin_sign_in_challenges (
        id char(64) PRIMARY KEY NOT NULL,
        admin_id varchar(36) NOT NULL REFERENCES organization_admins (id) ON DELETE CASCADE,
        purpose varchar(16) NOT NULL CHECK (purpose IN ('verify', 'enrol')),
        created_at ${t.timestamp} NOT NULL,
        expires_at ${t.timestamp} NOT NULL
      )`);
    await db.query(
      `CREATE INDEX ix_admin_sign_in_challenges_expires ON admin_sign_in_challenges (expires_at)`,
    );
    await db.query(
      `CREATE INDEX ix_admin_sign_in_challenges_admin ON admin_sign_in_challenges (admin_id)`,
    );
    await db.query(
      `ALTER TABLE sso_policies ADD COLUMN require_two_factor boolean NOT NULL DEFAULT ${t.false}`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE sso_policies DROP COLUMN require_two_factor`);
    await db.query(`DROP TABLE admin_sign_in_challenges`);
    await db.query(`DROP TABLE admin_recovery_codes`);
    await db.query(`DROP TABLE admin_two_factor`);
  }
}
