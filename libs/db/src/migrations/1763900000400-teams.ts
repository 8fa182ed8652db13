import type { MigrationInterface, QueryRunner } from 'typeorm';
import { columnTypes } from './column-types';

/**
 * Teams (SCIM groups), their members and the resources they own. A deleted team keeps its
 * rows with `deleted_at` set until `purge_after`, so an admin can restore it; the name is
 * unique among live teams only, so Entra can recreate a group of the same name at once.
 */
export class Teams1763900000400 implements MigrationInterface {
  name = 'Teams1763900000400';

  async up(db: QueryRunner): Promise<void> {
    const t = columnTypes(db);
    await db.query(`
      CREATE TABLE teams (
        id varchar(36) PRIMARY KEY NOT NULL,
        organization_id varchar(36) NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        name text NOT NULL,
        name_normalized text NOT NULL,
        slug varchar(120) NOT NULL,
        external_id text NULL,
        source varchar(16) NOT NULL,
        version integer NOT NULL,
        created_at ${t.timestamp} NOT NULL,
        updated_at ${t.timestamp} NOT NULL,
        deleted_at ${t.timestamp} NULL,
        deleted_by text NULL,
        purge_after ${t.timestamp} NULL
      )`);
    await db.query(
      `CREATE UNIQUE INDEX ux_teams_org_live_name ON teams (organization_id, name_normalized) WHERE deleted_at IS NULL`,
    );
    await db.query(
      `CREATE INDEX ix_teams_org_external_id ON teams (organization_id, external_id, created_at, id)`,
    );
    await db.query(`CREATE INDEX ix_teams_org_created ON teams (organization_id, created_at, id)`);
    await db.query(`CREATE INDEX ix_teams_purge ON teams (purge_after)`);
    await db.query(`
      CREATE TABLE team_members (
        team_id varchar(36) NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
        user_id varchar(36) NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        created_at ${t.timestamp} NOT NULL,
        PRIMARY KEY (team_id, user_id)
      )`);
    await db.query(`CREATE INDEX ix_team_members_user ON team_members (user_id)`);
    await db.query(`
      CREATE TABLE team_resources (
        id varchar(36) PRIMARY KEY NOT NULL,
        team_id varchar(36) NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
        organization_id varchar(36) NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        kind varchar(32) NOT NULL,
        name text NOT NULL,
        created_at ${t.timestamp} NOT NULL
      )`);
    await db.query(`CREATE INDEX ix_team_resources_team ON team_resources (team_id, kind)`);
    await db.query(`
      CREATE TABLE group_role_mappings (
        organization_id varchar(36) NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        group_name_normalized text NOT NULL,
        group_name text NOT NULL,
        role varchar(32) NOT NULL,
        created_at ${t.timestamp} NOT NULL,
        PRIMARY KEY (organization_id, group_name_normalized)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE group_role_mappings`);
    await db.query(`DROP TABLE team_resources`);
    await db.query(`DROP TABLE team_members`);
    await db.query(`DROP TABLE teams`);
  }
}
