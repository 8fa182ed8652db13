import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../database.options';
import { dialectOf } from '../dialect';
import { runMigrations } from '../migration.runner';
import { createFreshDatabase, type FreshDatabase } from '../testing/fresh-database';
import { StripStoredPasswords1763900001200 } from './1763900001200-strip-stored-passwords';

// A user document stored before Rollcall refused passwords loses the password, and only it.

const ORG_ID = '00000000-0000-4000-8000-000000000001';

describe('StripStoredPasswords1763900001200', () => {
  let database: FreshDatabase;
  let dataSource: DataSource;
  let postgres: boolean;

  beforeAll(async () => {
    database = await createFreshDatabase();
    dataSource = await new DataSource(buildDataSourceOptions(database.config)).initialize();
    await runMigrations(dataSource);
    postgres = dialectOf(dataSource) === 'postgres';
    const p = (n: number) => (postgres ? `$${n}` : '?');
    const now = new Date().toISOString();
    await dataSource.query(
      `INSERT INTO organizations (id, name, slug, created_at, updated_at) VALUES (${p(1)}, 'Org', 'org', ${p(2)}, ${p(3)})`,
      [ORG_ID, now, now],
    );
    const insertUser = (id: string, resource: Record<string, unknown>) =>
      dataSource.query(
        `INSERT INTO users (id, organization_id, user_name, user_name_normalized, active, source, resource, version, created_at, updated_at)
         VALUES (${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${postgres ? 'true' : '1'}, 'scim', ${p(5)}, 1, ${p(6)}, ${p(7)})`,
        [id, ORG_ID, id, id, JSON.stringify(resource), now, now],
      );
    await insertUser('u-password', { userName: 'a', password: 'Hunter2!', title: 'CTO' });
    await insertUser('u-urn', {
      userName: 'b',
      'urn:ietf:params:scim:schemas:core:2.0:User:password': 'Hunter2!',
      PassWord: 'Hunter3!',
    });
    await insertUser('u-clean', { userName: 'c', title: 'my password manager' });
    // The migration ran once already (on empty tables): run it over the rows above.
    const runner = dataSource.createQueryRunner();
    try {
      await new StripStoredPasswords1763900001200().up(runner);
      await new StripStoredPasswords1763900001200().up(runner);
    } finally {
      await runner.release();
    }
  });

  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  async function resourceOf(id: string): Promise<Record<string, unknown>> {
    const [row] = (await dataSource.query(
      `SELECT resource FROM users WHERE id = ${postgres ? '$1' : '?'}`,
      [id],
    )) as { resource: unknown }[];
    const resource = row?.resource;
    return (typeof resource === 'string' ? JSON.parse(resource) : resource) as Record<
      string,
      unknown
    >;
  }

  it('removes a stored password and keeps the rest', async () => {
    expect(await resourceOf('u-password')).toEqual({ userName: 'a', title: 'CTO' });
  });

  it('removes URN-qualified and other-case spellings', async () => {
    expect(await resourceOf('u-urn')).toEqual({ userName: 'b' });
  });

  it('leaves a document whose values merely mention a password', async () => {
    expect(await resourceOf('u-clean')).toEqual({ userName: 'c', title: 'my password manager' });
  });
});
