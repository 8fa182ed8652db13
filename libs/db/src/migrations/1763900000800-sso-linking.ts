import type { MigrationInterface, QueryRunner } from 'typeorm';
import { columnTypes } from './column-types';

/**
 * Explicit links between org admins and their sign-in accounts (SSO opens a dashboard session
 * only through one), the org's just-in-time e-mail domains, and whether its Entra provisioning
 * maps objectId to externalId.
 */
export class SsoLinking1763900000800 implements MigrationInterface {
  name = 'SsoLinking1763900000800';

  async up(db: QueryRunner): Promise<void> {
    const t = columnTypes(db);
    await db.query(`
      CREATE TABLE admin_identities (
        id varchar(36) PRIMARY KEY NOT NULL,
        admin_id varchar(36) NOT NULL REFERENCES organization_admins (id) ON DELETE CASCADE,
        organization_id varchar(36) NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        provider varchar(32) NOT NULL,
        issuer_tenant varchar(512) NOT NULL,
        subject varchar(255) NOT NULL,
        label varchar(320) NOT NULL,
        created_at ${t.timestamp} NOT NULL
      )`);
    await db.query(
      `CREATE UNIQUE INDEX ux_admin_identities_subject ON admin_identities (organization_id, provider, issuer_tenant, subject)`,
    );
    await db.query(
      `CREATE UNIQUE INDEX ux_admin_identities_admin ON admin_identities (admin_id, provider)`,
    );
    await db.query(`ALTER TABLE sso_policies ADD COLUMN jit_domains text NULL`);
    await db.query(
      `ALTER TABLE sso_policies ADD COLUMN external_id_is_object_id boolean NOT NULL DEFAULT ${t.false}`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE sso_policies DROP COLUMN external_id_is_object_id`);
    await db.query(`ALTER TABLE sso_policies DROP COLUMN jit_domains`);
    await db.query(`DROP TABLE admin_identities`);
  }
}
