import type { MigrationInterface, QueryRunner } from 'typeorm';
import { columnTypes } from './column-types';

/**
 * OAuth 2.0 for the SCIM API (Entra gallery apps): per-org clients with hashed, expiring
 * secrets; federated credentials (RFC 7523: a trusted issuer + subject); the `jti`s of
 * assertions already exchanged; and Rollcall's own signing keys for access tokens.
 */
export class ScimOAuth1763900000700 implements MigrationInterface {
  name = 'ScimOAuth1763900000700';

  async up(db: QueryRunner): Promise<void> {
    const t = columnTypes(db);
    await db.query(`
      CREATE TABLE scim_oauth_clients (
        id varchar(36) PRIMARY KEY NOT NULL,
        organization_id varchar(36) NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        client_id varchar(32) NOT NULL,
        name varchar(100) NOT NULL,
        access_token_lifetime_minutes integer NOT NULL,
        created_at ${t.timestamp} NOT NULL,
        last_used_at ${t.timestamp} NULL,
        revoked_at ${t.timestamp} NULL
      )`);
    // The token endpoint finds a client by client_id on every grant.
    await db.query(
      `CREATE UNIQUE INDEX ux_scim_oauth_clients_client_id ON scim_oauth_clients (client_id)`,
    );
    await db.query(
      `CREATE INDEX ix_scim_oauth_clients_org ON scim_oauth_clients (organization_id)`,
    );
    await db.query(`
      CREATE TABLE scim_oauth_client_secrets (
        id varchar(36) PRIMARY KEY NOT NULL,
        oauth_client_id varchar(36) NOT NULL REFERENCES scim_oauth_clients (id) ON DELETE CASCADE,
        secret_hash char(64) NOT NULL,
        prefix varchar(16) NOT NULL,
        created_at ${t.timestamp} NOT NULL,
        expires_at ${t.timestamp} NOT NULL,
        last_used_at ${t.timestamp} NULL,
        revoked_at ${t.timestamp} NULL
      )`);
    await db.query(
      `CREATE UNIQUE INDEX ux_scim_oauth_client_secrets_hash ON scim_oauth_client_secrets (secret_hash)`,
    );
    await db.query(
      `CREATE INDEX ix_scim_oauth_client_secrets_client ON scim_oauth_client_secrets (oauth_client_id)`,
    );
    await db.query(`
      CREATE TABLE scim_federated_credentials (
        id varchar(36) PRIMARY KEY NOT NULL,
        organization_id varchar(36) NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        name varchar(100) NOT NULL,
        issuer varchar(500) NOT NULL,
        subject varchar(255) NOT NULL,
        audience varchar(500) NOT NULL,
        jwks_uri varchar(1000) NULL,
        access_token_lifetime_minutes integer NOT NULL,
        created_at ${t.timestamp} NOT NULL,
        last_used_at ${t.timestamp} NULL,
        revoked_at ${t.timestamp} NULL
      )`);
    // An assertion is matched to its credential by (iss, sub): a live pair must name one org.
    await db.query(
      `CREATE UNIQUE INDEX ux_scim_federated_credentials_live ON scim_federated_credentials (issuer, subject) WHERE revoked_at IS NULL`,
    );
    await db.query(
      `CREATE INDEX ix_scim_federated_credentials_org ON scim_federated_credentials (organization_id)`,
    );
    // RFC 7523 §3: a `jti` is accepted once per credential until the assertion expires.
    await db.query(`
      CREATE TABLE scim_federated_assertion_jtis (
        credential_id varchar(36) NOT NULL
          REFERENCES scim_federated_credentials (id) ON DELETE CASCADE,
        jti varchar(255) NOT NULL,
        expires_at ${t.timestamp} NOT NULL
      )`);
    await db.query(
      `CREATE UNIQUE INDEX ux_scim_federated_assertion_jtis ON scim_federated_assertion_jtis (credential_id, jti)`,
    );
    await db.query(
      `CREATE INDEX ix_scim_federated_assertion_jtis_expires ON scim_federated_assertion_jtis (expires_at)`,
    );
    // The private key is sealed with SecretBox (bound to the kid); the public JWK is served.
    await db.query(`
      CREATE TABLE oauth_signing_keys (
        kid varchar(64) PRIMARY KEY NOT NULL,
        algorithm varchar(16) NOT NULL,
        public_jwk text NOT NULL,
        private_key_sealed text NOT NULL,
        created_at ${t.timestamp} NOT NULL,
        activates_at ${t.timestamp} NOT NULL,
        signs_until ${t.timestamp} NOT NULL
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE oauth_signing_keys`);
    await db.query(`DROP TABLE scim_federated_assertion_jtis`);
    await db.query(`DROP TABLE scim_federated_credentials`);
    await db.query(`DROP TABLE scim_oauth_client_secrets`);
    await db.query(`DROP TABLE scim_oauth_clients`);
  }
}
