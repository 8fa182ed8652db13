import type { MigrationInterface, QueryRunner } from 'typeorm';
import { columnTypes } from './column-types';

/**
 * SAML 2.0 single sign-on per organization: the org's service-provider key (assertion
 * encryption), its identity provider, the AuthnRequests it sent (each answerable once) and the
 * assertions it accepted (remembered until they expire, so none is accepted twice).
 */
export class Saml1763900001900 implements MigrationInterface {
  name = 'Saml1763900001900';

  async up(db: QueryRunner): Promise<void> {
    const t = columnTypes(db);
    await db.query(`
      CREATE TABLE saml_service_providers (
        organization_id varchar(36) PRIMARY KEY NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        private_key_sealed text NOT NULL,
        certificate text NOT NULL,
        created_at ${t.timestamp} NOT NULL
      )`);
    await db.query(`
      CREATE TABLE saml_connections (
        id varchar(36) PRIMARY KEY NOT NULL,
        organization_id varchar(36) NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        source varchar(16) NOT NULL,
        metadata_url varchar(2048) NULL,
        idp_entity_id varchar(512) NOT NULL,
        sso_url varchar(2048) NOT NULL,
        certificates text NOT NULL,
        allow_sha1 boolean NOT NULL DEFAULT ${t.false},
        metadata_refreshed_at ${t.timestamp} NULL,
        metadata_refresh_error varchar(500) NULL,
        updated_by_admin_id varchar(36) NULL,
        updated_by_email varchar(320) NOT NULL,
        created_at ${t.timestamp} NOT NULL,
        updated_at ${t.timestamp} NOT NULL
      )`);
    await db.query(
      `CREATE UNIQUE INDEX ux_saml_connections_organization ON saml_connections (organization_id)`,
    );
    await db.query(`
      CREATE TABLE saml_requests (
        id varchar(64) PRIMARY KEY NOT NULL,
        organization_id varchar(36) NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        purpose varchar(16) NOT NULL,
        admin_id varchar(36) NULL,
        created_at ${t.timestamp} NOT NULL,
        expires_at ${t.timestamp} NOT NULL
      )`);
    await db.query(`CREATE INDEX ix_saml_requests_expires ON saml_requests (expires_at)`);
    await db.query(`
      CREATE TABLE saml_assertions (
        organization_id varchar(36) NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        assertion_id varchar(256) NOT NULL,
        expires_at ${t.timestamp} NOT NULL,
        PRIMARY KEY (organization_id, assertion_id)
      )`);
    await db.query(`CREATE INDEX ix_saml_assertions_expires ON saml_assertions (expires_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE saml_assertions`);
    await db.query(`DROP TABLE saml_requests`);
    await db.query(`DROP TABLE saml_connections`);
    await db.query(`DROP TABLE saml_service_providers`);
  }
}
