import type { MigrationInterface, QueryRunner } from 'typeorm';
import { columnTypes } from './column-types';

export class ProvisioningLog1763900000200 implements MigrationInterface {
  name = 'ProvisioningLog1763900000200';

  async up(db: QueryRunner): Promise<void> {
    const t = columnTypes(db);
    await db.query(`
      CREATE TABLE provisioning_log (
        id varchar(36) PRIMARY KEY NOT NULL,
        organization_id varchar(36) NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        token_prefix varchar(16) NULL,
        request_id varchar(64) NULL,
        method varchar(10) NOT NULL,
        path text NOT NULL,
        filter text NULL,
        status integer NOT NULL,
        scim_type varchar(32) NULL,
        detail text NULL,
        resource_type varchar(16) NULL,
        resource_id varchar(64) NULL,
        duration_ms integer NOT NULL,
        request_body text NULL,
        created_at ${t.timestamp} NOT NULL
      )`);
    // The dashboard reads newest first, optionally only failures.
    await db.query(
      `CREATE INDEX ix_provisioning_log_org_time ON provisioning_log (organization_id, created_at, id)`,
    );
    await db.query(
      `CREATE INDEX ix_provisioning_log_org_status ON provisioning_log (organization_id, status, created_at)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE provisioning_log`);
  }
}
