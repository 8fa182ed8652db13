import type { MigrationInterface, QueryRunner } from 'typeorm';
import { columnTypes } from './column-types';

export class Organizations1763900000000 implements MigrationInterface {
  name = 'Organizations1763900000000';

  async up(db: QueryRunner): Promise<void> {
    const t = columnTypes(db);
    await db.query(`
      CREATE TABLE organizations (
        id varchar(36) PRIMARY KEY NOT NULL,
        name varchar(200) NOT NULL,
        slug varchar(100) NOT NULL,
        scim_enabled boolean NOT NULL DEFAULT ${t.false},
        deleted_team_retention_days integer NOT NULL DEFAULT 30,
        default_role varchar(32) NOT NULL DEFAULT 'member',
        created_at ${t.timestamp} NOT NULL,
        updated_at ${t.timestamp} NOT NULL
      )`);
    await db.query(`CREATE UNIQUE INDEX ux_organizations_slug ON organizations (slug)`);
    await db.query(`
      CREATE TABLE organization_admins (
        id varchar(36) PRIMARY KEY NOT NULL,
        organization_id varchar(36) NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        email varchar(320) NOT NULL,
        email_normalized varchar(320) NOT NULL,
        password_hash varchar(255) NOT NULL,
        created_at ${t.timestamp} NOT NULL,
        last_login_at ${t.timestamp} NULL
      )`);
    await db.query(
      `CREATE UNIQUE INDEX ux_organization_admins_email ON organization_admins (email_normalized)`,
    );
    await db.query(
      `CREATE INDEX ix_organization_admins_org ON organization_admins (organization_id)`,
    );
    await db.query(`
      CREATE TABLE scim_tokens (
        id varchar(36) PRIMARY KEY NOT NULL,
        organization_id varchar(36) NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        token_hash char(64) NOT NULL,
        prefix varchar(16) NOT NULL,
        label varchar(100) NULL,
        created_at ${t.timestamp} NOT NULL,
        last_used_at ${t.timestamp} NULL,
        revoked_at ${t.timestamp} NULL
      )`);
    await db.query(`CREATE UNIQUE INDEX ux_scim_tokens_hash ON scim_tokens (token_hash)`);
    await db.query(`CREATE INDEX ix_scim_tokens_org ON scim_tokens (organization_id)`);
    await db.query(`CREATE INDEX ix_scim_tokens_prefix ON scim_tokens (prefix)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE scim_tokens`);
    await db.query(`DROP TABLE organization_admins`);
    await db.query(`DROP TABLE organizations`);
  }
}
