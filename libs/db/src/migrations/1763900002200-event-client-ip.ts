import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The address an admin action came from, for the Activity page. Null for changes made by
 * background jobs and the CLI, and for events recorded before this column. 64 characters: an
 * IPv6 address with a zone or an IPv4-mapped form fits in 45.
 */
export class EventClientIp1763900002200 implements MigrationInterface {
  name = 'EventClientIp1763900002200';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE events ADD COLUMN client_ip varchar(64) NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE events DROP COLUMN client_ip`);
  }
}
