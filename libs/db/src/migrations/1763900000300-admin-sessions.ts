import type { MigrationInterface, QueryRunner } from 'typeorm';
import { columnTypes } from './column-types';

/** Dashboard sessions of org admins, and the failed sign-ins that throttle guessing. */
export class AdminSessions1763900000300 implements MigrationInterface {
  name = 'AdminSessions1763900000300';

  async up(db: QueryRunner): Promise<void> {
    const t = columnTypes(db);
    // id is SHA-256 (hex) of the cookie's secret: a leaked table holds no usable session.
    await db.query(`
      CREATE TABLE admin_sessions (
        id char(64) PRIMARY KEY NOT NULL,
        admin_id varchar(36) NOT NULL REFERENCES organization_admins (id) ON DELETE CASCADE,
        organization_id varchar(36) NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        csrf_token varchar(64) NOT NULL,
        created_at ${t.timestamp} NOT NULL,
        last_seen_at ${t.timestamp} NOT NULL,
        expires_at ${t.timestamp} NOT NULL,
        revoked_at ${t.timestamp} NULL,
        user_agent varchar(512) NULL,
        ip_address varchar(64) NULL
      )`);
    await db.query(`CREATE INDEX ix_admin_sessions_admin ON admin_sessions (admin_id)`);
    await db.query(`CREATE INDEX ix_admin_sessions_org ON admin_sessions (organization_id)`);
    await db.query(`CREATE INDEX ix_admin_sessions_expires ON admin_sessions (expires_at)`);
    await db.query(`CREATE INDEX ix_admin_sessions_last_seen ON admin_sessions (last_seen_at)`);
    // throttle_key is SHA-256 of `email:<normalized>` or `ip:<address>`, never the raw input.
    await db.query(`
      CREATE TABLE login_failures (
        id varchar(36) PRIMARY KEY NOT NULL,
        throttle_key char(64) NOT NULL,
        failed_at ${t.timestamp} NOT NULL
      )`);
    await db.query(
      `CREATE INDEX ix_login_failures_key ON login_failures (throttle_key, failed_at)`,
    );
    await db.query(`CREATE INDEX ix_login_failures_failed_at ON login_failures (failed_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE login_failures`);
    await db.query(`DROP TABLE admin_sessions`);
  }
}
