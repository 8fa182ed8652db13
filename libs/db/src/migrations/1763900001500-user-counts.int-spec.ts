import { randomUUID } from 'node:crypto';
import { DataSource, type QueryRunner } from 'typeorm';
import { buildDataSourceOptions } from '../database.options';
import { dialectOf } from '../dialect';
import { runMigrations } from '../migration.runner';
import { createFreshDatabase, type FreshDatabase } from '../testing/fresh-database';
import { UserCounts1763900001500 } from './1763900001500-user-counts';

// Upgrading counts the users every organization already has; from then on the triggers keep
// the count, and downgrading removes table, triggers and function without a trace.

describe('UserCounts1763900001500', () => {
  let database: FreshDatabase;
  let dataSource: DataSource;
  let runner: QueryRunner;
  let postgres: boolean;
  const p = (n: number) => (postgres ? `$${n}` : '?');
  const orgs = [randomUUID(), randomUUID(), randomUUID()];

  async function insertUser(organizationId: string, i: number): Promise<void> {
    const now = new Date().toISOString();
    await dataSource.query(
      `INSERT INTO users (id, organization_id, user_name, user_name_normalized, active, source, resource, version, created_at, updated_at)
       VALUES (${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${postgres ? 'true' : '1'}, 'scim', '{}', 1, ${p(5)}, ${p(6)})`,
      [randomUUID(), organizationId, `u${i}@example.com`, `u${i}@example.com`, now, now],
    );
  }

  async function counts(): Promise<Record<string, number>> {
    const rows = (await dataSource.query(`SELECT organization_id, users FROM user_counts`)) as {
      organization_id: string;
      users: number | string;
    }[];
    return Object.fromEntries(rows.map((row) => [row.organization_id, Number(row.users)]));
  }

  beforeAll(async () => {
    database = await createFreshDatabase();
    dataSource = await new DataSource(buildDataSourceOptions(database.config)).initialize();
    await runMigrations(dataSource);
    postgres = dialectOf(dataSource) === 'postgres';
    const now = new Date().toISOString();
    for (const id of orgs) {
      await dataSource.query(
        `INSERT INTO organizations (id, name, slug, created_at, updated_at) VALUES (${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)})`,
        [id, id, id, now, now],
      );
    }
    runner = dataSource.createQueryRunner();
    await new UserCounts1763900001500().down(runner);
    for (let i = 0; i < 3; i += 1) await insertUser(orgs[0] as string, i);
    await insertUser(orgs[1] as string, 0);
    await new UserCounts1763900001500().up(runner);
  });

  afterAll(async () => {
    await runner?.release();
    await dataSource?.destroy();
    await database?.drop();
  });

  it('backfills the users each organization had, and none for an empty one', async () => {
    expect(await counts()).toEqual({ [orgs[0] as string]: 3, [orgs[1] as string]: 1 });
  });

  it('keeps counting after the upgrade, from the backfilled figure', async () => {
    await insertUser(orgs[0] as string, 10);
    await insertUser(orgs[2] as string, 0);
    await dataSource.query(
      `DELETE FROM users WHERE organization_id = ${p(1)} AND user_name = 'u0@example.com'`,
      [orgs[1]],
    );
    expect(await counts()).toEqual({
      [orgs[0] as string]: 4,
      [orgs[1] as string]: 0,
      [orgs[2] as string]: 1,
    });
  });

  it('leaves nothing behind when reverted', async () => {
    await new UserCounts1763900001500().down(runner);
    await insertUser(orgs[2] as string, 1);
    // Matched by message: better-sqlite3's error can come from another realm than this file's
    // `Error` when suites share a worker, which `toThrow()` does not recognise.
    await expect(dataSource.query('SELECT * FROM user_counts')).rejects.toMatchObject({
      message: expect.stringMatching(/user_counts/),
    });
    await new UserCounts1763900001500().up(runner);
    expect((await counts())[orgs[2] as string]).toBe(2);
  });
});
