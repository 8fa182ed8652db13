import type { MigrationInterface, QueryRunner } from 'typeorm';
import { columnTypes } from './column-types';

/**
 * Users: the SCIM document as sent (minus id/meta) is the source of truth in `resource`; the
 * columns beside it are projections kept for lookups, uniqueness and listing. Free text is
 * `text` so no client value can overflow a column.
 */
export class Directory1763900000100 implements MigrationInterface {
  name = 'Directory1763900000100';

  async up(db: QueryRunner): Promise<void> {
    const t = columnTypes(db);
    await db.query(`
      CREATE TABLE users (
        id varchar(36) PRIMARY KEY NOT NULL,
        organization_id varchar(36) NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        user_name text NOT NULL,
        user_name_normalized text NOT NULL,
        external_id text NULL,
        display_name text NULL,
        given_name text NULL,
        family_name text NULL,
        email text NULL,
        email_normalized text NULL,
        active boolean NOT NULL,
        role_name text NULL,
        role varchar(32) NULL,
        source varchar(16) NOT NULL,
        resource ${t.json} NOT NULL,
        version integer NOT NULL,
        created_at ${t.timestamp} NOT NULL,
        updated_at ${t.timestamp} NOT NULL,
        deactivated_at ${t.timestamp} NULL
      )`);
    // Entra matches on userName and externalId before every create: both are index lookups.
    // The externalId index also carries the list order (created_at, id), so SQLite, which
    // has no statistics on a young database, never prefers scanning the order index.
    await db.query(
      `CREATE UNIQUE INDEX ux_users_org_user_name ON users (organization_id, user_name_normalized)`,
    );
    await db.query(
      `CREATE INDEX ix_users_org_external_id ON users (organization_id, external_id, created_at, id)`,
    );
    await db.query(`CREATE INDEX ix_users_org_created ON users (organization_id, created_at, id)`);
    await db.query(`CREATE INDEX ix_users_org_email ON users (organization_id, email_normalized)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE users`);
  }
}
