import type { MigrationInterface, QueryRunner } from 'typeorm';
import { columnTypes } from './column-types';

/**
 * Failed sign-ins are counted by the rate limiter now (Redis when configured): a counter
 * reserved atomically before the password is checked, where the table could only be read
 * before and written after, so a parallel burst slipped past its cap.
 */
export class DropLoginFailures1763900001300 implements MigrationInterface {
  name = 'DropLoginFailures1763900001300';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE login_failures`);
  }

  async down(db: QueryRunner): Promise<void> {
    const t = columnTypes(db);
    await db.query(`
      CREATE TABLE login_failures (
        id varchar(36) PRIMARY KEY NOT NULL,
        throttle_key char(64) NOT NULL,
        failed_at ${t.timestamp} NOT NULL
      )`);
    await db.query(
      `CREATE INDEX ix_login_failures_key ON login_failures (throttle_key, failed_at)`,
    );
    await db.query(`CREATE INDEX ix_login_failures_failed_at ON login_failures (failed_at)`);
  }
}
