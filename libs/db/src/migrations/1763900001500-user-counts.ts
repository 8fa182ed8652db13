import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each organization's number of users, kept by triggers on `users` in the transaction that
 * inserts or deletes the row, whoever does it (SCIM, sign-in, a cascade, a bulk load). An
 * unfiltered `GET /Users` page reads its `totalResults` here instead of counting the whole
 * directory (a million index entries at 1M users: ~100 ms on every page).
 */
export class UserCounts1763900001500 implements MigrationInterface {
  name = 'UserCounts1763900001500';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE user_counts (
        organization_id varchar(36) PRIMARY KEY NOT NULL
          REFERENCES organizations (id) ON DELETE CASCADE,
        users integer NOT NULL
      )`);
    if (db.connection.options.type === 'postgres') {
      await db.query(`
        CREATE FUNCTION users_count_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP = 'INSERT' THEN
            INSERT INTO user_counts (organization_id, users) VALUES (NEW.organization_id, 1)
              ON CONFLICT (organization_id) DO UPDATE SET users = user_counts.users + 1;
            RETURN NEW;
          END IF;
          UPDATE user_counts SET users = users - 1 WHERE organization_id = OLD.organization_id;
          RETURN OLD;
        END $$`);
      await db.query(
        `CREATE TRIGGER users_count_insert AFTER INSERT ON users FOR EACH ROW EXECUTE FUNCTION users_count_change()`,
      );
      await db.query(
        `CREATE TRIGGER users_count_delete AFTER DELETE ON users FOR EACH ROW EXECUTE FUNCTION users_count_change()`,
      );
    } else {
      await db.query(`
        CREATE TRIGGER users_count_insert AFTER INSERT ON users BEGIN
          INSERT OR IGNORE INTO user_counts (organization_id, users) VALUES (NEW.organization_id, 0);
          UPDATE user_counts SET users = users + 1 WHERE organization_id = NEW.organization_id;
        END`);
      await db.query(`
        CREATE TRIGGER users_count_delete AFTER DELETE ON users BEGIN
          UPDATE user_counts SET users = users - 1 WHERE organization_id = OLD.organization_id;
        END`);
    }
    await db.query(
      `INSERT INTO user_counts (organization_id, users) SELECT organization_id, COUNT(*) FROM users GROUP BY organization_id`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    const postgres = db.connection.options.type === 'postgres';
    const onUsers = postgres ? ' ON users' : '';
    await db.query(`DROP TRIGGER users_count_insert${onUsers}`);
    await db.query(`DROP TRIGGER users_count_delete${onUsers}`);
    if (postgres) await db.query(`DROP FUNCTION users_count_change()`);
    await db.query(`DROP TABLE user_counts`);
  }
}
