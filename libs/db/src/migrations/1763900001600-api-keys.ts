import type { MigrationInterface, QueryRunner } from 'typeorm';
import { columnTypes } from './column-types';

/**
 * Admin API keys: a backend reads (or, with `read_write`, changes) the directory through the
 * admin API with `Authorization: Bearer rck_…`. Only the SHA-256 of a key is kept, with a
 * short visible prefix so admins can tell keys apart.
 */
export class ApiKeys1763900001600 implements MigrationInterface {
  name = 'ApiKeys1763900001600';

  async up(db: QueryRunner): Promise<void> {
    const t = columnTypes(db);
    await db.query(`
      CREATE TABLE api_keys (
        id varchar(36) PRIMARY KEY NOT NULL,
        organization_id varchar(36) NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        name varchar(100) NOT NULL,
        scope varchar(16) NOT NULL CHECK (scope IN ('read', 'read_write')),
        key_hash char(64) NOT NULL,
        prefix varchar(16) NOT NULL,
        created_by varchar(320) NOT NULL,
        created_at ${t.timestamp} NOT NULL,
        last_used_at ${t.timestamp} NULL,
        expires_at ${t.timestamp} NULL,
        revoked_at ${t.timestamp} NULL
      )`);
    // Every bearer request finds its key by hash.
    await db.query(`CREATE UNIQUE INDEX ux_api_keys_hash ON api_keys (key_hash)`);
    // A name tells keys apart in the list and in recorded actors (`api_key:<name>`), so a
    // live one is unique in its organization; a revoked key's name can be reused.
    await db.query(
      `CREATE UNIQUE INDEX ux_api_keys_live_name ON api_keys (organization_id, name) WHERE revoked_at IS NULL`,
    );
    await db.query(`CREATE INDEX ix_api_keys_org ON api_keys (organization_id, created_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE api_keys`);
  }
}
