import type { MigrationInterface, QueryRunner } from 'typeorm';
import { columnTypes } from './column-types';

/**
 * The outbox: every change appends its events here in the transaction that makes it.
 *
 * `sequence` is each organization's cursor. It is drawn from `event_sequences` by the last
 * statement before COMMIT, whose row lock is held through the commit: a second transaction of
 * the same organization draws only after the first has committed, so sequences are dense and
 * in commit order, and a reader that has seen sequence n will never later find a smaller one.
 */
export class Events1763900001700 implements MigrationInterface {
  name = 'Events1763900001700';

  async up(db: QueryRunner): Promise<void> {
    const t = columnTypes(db);
    await db.query(`
      CREATE TABLE event_sequences (
        organization_id varchar(36) PRIMARY KEY NOT NULL
          REFERENCES organizations (id) ON DELETE CASCADE,
        last_sequence bigint NOT NULL
      )`);
    await db.query(`
      CREATE TABLE events (
        organization_id varchar(36) NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        sequence bigint NOT NULL,
        id varchar(40) NOT NULL,
        type varchar(64) NOT NULL,
        actor varchar(400) NOT NULL,
        subject_type varchar(32) NOT NULL,
        subject_id varchar(64) NULL,
        data ${t.json} NOT NULL,
        created_at ${t.timestamp} NOT NULL,
        PRIMARY KEY (organization_id, sequence)
      )`);
    // No index on `id`: nothing looks events up by it (deliveries point at the cursor), and it
    // is unique by construction (time in ms + 80 random bits); an index would cost every event
    // of a 500-member PATCH one more B-tree insert.
    // The retention purge deletes by age across organizations.
    await db.query(`CREATE INDEX ix_events_created ON events (created_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE events`);
    await db.query(`DROP TABLE event_sequences`);
  }
}
