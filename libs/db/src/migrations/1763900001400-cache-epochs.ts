import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A counter per cache topic, bumped in the transaction that revokes or disables something,
 * so every process on a SQLite file sees the change before it trusts a cache again. On
 * PostgreSQL the signal is a NOTIFY; the table exists there too, so both schemas stay alike.
 */
export class CacheEpochs1763900001400 implements MigrationInterface {
  name = 'CacheEpochs1763900001400';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE cache_epochs (
        topic text PRIMARY KEY NOT NULL,
        epoch integer NOT NULL
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE cache_epochs`);
  }
}
