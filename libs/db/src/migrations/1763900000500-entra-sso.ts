import type { MigrationInterface, QueryRunner } from 'typeorm';
import { columnTypes } from './column-types';

/**
 * Sign in with Microsoft: pending OIDC round trips, the Entra tenant an org connected, the
 * stable link from an Entra account (`oid`) to a SCIM user, and members' sessions.
 */
export class EntraSso1763900000500 implements MigrationInterface {
  name = 'EntraSso1763900000500';

  async up(db: QueryRunner): Promise<void> {
    const t = columnTypes(db);
    // One row per started round trip, keyed by SHA-256 of `state`: any replica can finish it,
    // and deleting the row on use makes every state single-use.
    await db.query(`
      CREATE TABLE oidc_authorizations (
        id char(64) PRIMARY KEY NOT NULL,
        purpose varchar(16) NOT NULL,
        nonce varchar(128) NOT NULL,
        code_verifier varchar(128) NOT NULL,
        organization_id varchar(36) NULL REFERENCES organizations (id) ON DELETE CASCADE,
        admin_id varchar(36) NULL REFERENCES organization_admins (id) ON DELETE CASCADE,
        created_at ${t.timestamp} NOT NULL,
        expires_at ${t.timestamp} NOT NULL
      )`);
    await db.query(
      `CREATE INDEX ix_oidc_authorizations_expires ON oidc_authorizations (expires_at)`,
    );
    // tenant_id is unique: one Entra tenant signs in to at most one organization.
    await db.query(`
      CREATE TABLE entra_connections (
        organization_id varchar(36) PRIMARY KEY NOT NULL
          REFERENCES organizations (id) ON DELETE CASCADE,
        tenant_id varchar(36) NOT NULL,
        connected_by_admin_id varchar(36) NULL
          REFERENCES organization_admins (id) ON DELETE SET NULL,
        connected_by_email varchar(320) NOT NULL,
        connected_at ${t.timestamp} NOT NULL
      )`);
    await db.query(
      `CREATE UNIQUE INDEX ux_entra_connections_tenant ON entra_connections (tenant_id)`,
    );
    // `oid` is unique per tenant and never reused; preferred_username can change.
    await db.query(`
      CREATE TABLE user_identities (
        id varchar(36) PRIMARY KEY NOT NULL,
        user_id varchar(36) NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        organization_id varchar(36) NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        provider varchar(32) NOT NULL,
        issuer_tenant varchar(64) NOT NULL,
        subject varchar(255) NOT NULL,
        created_at ${t.timestamp} NOT NULL
      )`);
    await db.query(
      `CREATE UNIQUE INDEX ux_user_identities_subject ON user_identities (provider, issuer_tenant, subject)`,
    );
    await db.query(`CREATE INDEX ix_user_identities_user ON user_identities (user_id)`);
    // Deleting a user deletes their sessions; deactivation is enforced by the session check.
    await db.query(`
      CREATE TABLE member_sessions (
        id char(64) PRIMARY KEY NOT NULL,
        user_id varchar(36) NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        organization_id varchar(36) NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        created_at ${t.timestamp} NOT NULL,
        last_seen_at ${t.timestamp} NOT NULL,
        expires_at ${t.timestamp} NOT NULL,
        revoked_at ${t.timestamp} NULL
      )`);
    await db.query(`CREATE INDEX ix_member_sessions_user ON member_sessions (user_id)`);
    await db.query(`CREATE INDEX ix_member_sessions_expires ON member_sessions (expires_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE member_sessions`);
    await db.query(`DROP TABLE user_identities`);
    await db.query(`DROP TABLE entra_connections`);
    await db.query(`DROP TABLE oidc_authorizations`);
  }
}
