import type { MigrationInterface, QueryRunner } from 'typeorm';
import { columnTypes } from './column-types';

/**
 * Generic OIDC and the org's sign-in policy: one custom provider per organization (its client
 * secret sealed by SecretBox), the Require SSO / just-in-time settings, a CSRF token for member
 * sessions, and room for an issuer URL in `user_identities.issuer_tenant`.
 */
export class SsoOidc1763900000600 implements MigrationInterface {
  name = 'SsoOidc1763900000600';

  async up(db: QueryRunner): Promise<void> {
    const t = columnTypes(db);
    await db.query(`
      CREATE TABLE oidc_providers (
        id varchar(36) PRIMARY KEY NOT NULL,
        organization_id varchar(36) NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        display_name varchar(60) NOT NULL,
        issuer varchar(512) NOT NULL,
        client_id varchar(255) NOT NULL,
        client_secret_sealed text NOT NULL,
        updated_by_admin_id varchar(36) NULL
          REFERENCES organization_admins (id) ON DELETE SET NULL,
        updated_by_email varchar(320) NOT NULL,
        created_at ${t.timestamp} NOT NULL,
        updated_at ${t.timestamp} NOT NULL
      )`);
    await db.query(
      `CREATE UNIQUE INDEX ux_oidc_providers_organization ON oidc_providers (organization_id)`,
    );
    await db.query(`
      CREATE TABLE sso_policies (
        organization_id varchar(36) PRIMARY KEY NOT NULL
          REFERENCES organizations (id) ON DELETE CASCADE,
        require_sso boolean NOT NULL DEFAULT ${t.false},
        jit_provisioning boolean NULL,
        updated_at ${t.timestamp} NOT NULL
      )`);
    await db.query(`ALTER TABLE member_sessions ADD COLUMN csrf_token varchar(64) NULL`);
    // An OIDC issuer is a URL, longer than an Entra tid. SQLite does not enforce varchar
    // lengths (and cannot alter a column type), so only PostgreSQL needs the wider column.
    if (db.connection.options.type === 'postgres') {
      await db.query(`ALTER TABLE user_identities ALTER COLUMN issuer_tenant TYPE varchar(512)`);
    }
    // A link is per organization: two orgs may share an issuer (Google Workspace's is one for
    // everyone), and one person may be a member of both.
    await db.query(`DROP INDEX ux_user_identities_subject`);
    await db.query(
      `CREATE UNIQUE INDEX ux_user_identities_subject ON user_identities (organization_id, provider, issuer_tenant, subject)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX ux_user_identities_subject`);
    await db.query(
      `CREATE UNIQUE INDEX ux_user_identities_subject ON user_identities (provider, issuer_tenant, subject)`,
    );
    if (db.connection.options.type === 'postgres') {
      await db.query(`ALTER TABLE user_identities ALTER COLUMN issuer_tenant TYPE varchar(64)`);
    }
    await db.query(`ALTER TABLE member_sessions DROP COLUMN csrf_token`);
    await db.query(`DROP TABLE sso_policies`);
    await db.query(`DROP TABLE oidc_providers`);
  }
}
