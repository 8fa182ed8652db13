import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Transactions, buildDataSourceOptions, managerOf, runMigrations } from '@rollcall/db';
import { createFreshDatabase, type FreshDatabase } from '@rollcall/db/testing';
import { OrganizationLookup } from './organization.lookup';

// The organizations table as other features read it, on SQLite and (TEST_DB=postgres)
// PostgreSQL: every column reads back as written, many ids are one statement, and a read
// inside a transaction sees that transaction's changes.

let database: FreshDatabase;
let dataSource: DataSource;
let lookup: OrganizationLookup;
let transactions: Transactions;
let postgres: boolean;
const p = (n: number) => (postgres ? `$${n}` : '?');

interface OrganizationSeed {
  id?: string;
  name?: string;
  slug?: string;
  scimEnabled?: boolean;
  deletedTeamRetentionDays?: number;
  defaultRole?: string;
  createdAt?: Date;
  updatedAt?: Date;
}

async function insertOrganization(
  seed: OrganizationSeed = {},
  run: (sql: string, parameters: unknown[]) => Promise<unknown> = (sql, parameters) =>
    dataSource.query(sql, parameters),
): Promise<string> {
  const id = seed.id ?? randomUUID();
  const at = (date: Date) => (postgres ? date : date.toISOString().replace('T', ' ').slice(0, 23));
  const now = new Date();
  await run(
    `INSERT INTO organizations (id, name, slug, scim_enabled, deleted_team_retention_days,
       default_role, created_at, updated_at)
     VALUES (${[1, 2, 3, 4, 5, 6, 7, 8].map(p).join(', ')})`,
    [
      id,
      seed.name ?? `Org ${id}`,
      seed.slug ?? `org-${id}`,
      postgres ? (seed.scimEnabled ?? false) : seed.scimEnabled ? 1 : 0,
      seed.deletedTeamRetentionDays ?? 30,
      seed.defaultRole ?? 'member',
      at(seed.createdAt ?? now),
      at(seed.updatedAt ?? now),
    ],
  );
  return id;
}

beforeAll(async () => {
  database = await createFreshDatabase();
  dataSource = await new DataSource(buildDataSourceOptions(database.config)).initialize();
  await runMigrations(dataSource);
  postgres = dataSource.options.type === 'postgres';
  lookup = new OrganizationLookup(dataSource);
  transactions = new Transactions(dataSource);
});

afterAll(async () => {
  await dataSource?.destroy();
  await database?.drop();
});

afterEach(() => jest.restoreAllMocks());

describe('OrganizationLookup', () => {
  it('reads back every column as written: booleans, retention, role, dates', async () => {
    const createdAt = new Date('2026-01-02T03:04:05.678Z');
    const updatedAt = new Date('2026-02-03T04:05:06.789Z');
    const id = await insertOrganization({
      name: 'Acme Corp',
      slug: 'acme-corp',
      scimEnabled: true,
      deletedTeamRetentionDays: 0,
      defaultRole: 'responder',
      createdAt,
      updatedAt,
    });
    const expected = {
      id,
      name: 'Acme Corp',
      slug: 'acme-corp',
      scimEnabled: true,
      deletedTeamRetentionDays: 0,
      defaultRole: 'responder',
      createdAt,
      updatedAt,
    };
    expect(await lookup.find(id)).toEqual(expected);
    expect(await lookup.findBySlug('acme-corp')).toEqual(expected);

    const off = await insertOrganization({ scimEnabled: false, deletedTeamRetentionDays: 365 });
    expect(await lookup.find(off)).toMatchObject({
      scimEnabled: false,
      deletedTeamRetentionDays: 365,
    });
  });

  it('answers null for an unknown id or slug, and matches the slug exactly', async () => {
    await insertOrganization({ slug: 'exact-slug' });
    expect(await lookup.find(randomUUID())).toBeNull();
    expect(await lookup.findBySlug('no-such-slug')).toBeNull();
    expect(await lookup.findBySlug('Exact-Slug')).toBeNull();
    expect(await lookup.findBySlug('exact-slug')).not.toBeNull();
  });

  it('reads a default role outside the role list as member', async () => {
    const id = await insertOrganization({ defaultRole: 'retired_role' });
    expect((await lookup.find(id))?.defaultRole).toBe('member');
  });

  it('finds many organizations in one statement, leaving out ids that exist nowhere', async () => {
    const ids = [
      await insertOrganization({ name: 'One' }),
      await insertOrganization({ name: 'Two' }),
      await insertOrganization({ name: 'Three' }),
    ];
    const missing = randomUUID();
    const query = jest.spyOn(dataSource.manager, 'query');

    const found = await lookup.findMany([...ids, missing, ids[0] as string]);

    expect(query).toHaveBeenCalledTimes(1);
    expect([...found.keys()].sort()).toEqual([...ids].sort());
    expect(found.get(ids[1] as string)?.name).toBe('Two');
    expect(found.has(missing)).toBe(false);
    expect(await lookup.findMany([])).toEqual(new Map());
    expect(query).toHaveBeenCalledTimes(1);
  });

  it('reads inside the caller’s transaction, and a rollback leaves nothing behind', async () => {
    const id = randomUUID();
    const rolledBack = new Error('rolled back');
    await expect(
      transactions.run(async (tx) => {
        const manager = managerOf(tx);
        await insertOrganization({ id, name: 'Uncommitted' }, (sql, parameters) =>
          manager.query(sql, parameters),
        );
        expect((await lookup.find(id, tx))?.name).toBe('Uncommitted');
        expect((await lookup.findMany([id], tx)).get(id)?.name).toBe('Uncommitted');
        expect((await lookup.findBySlug(`org-${id}`, tx))?.id).toBe(id);
        throw rolledBack;
      }),
    ).rejects.toBe(rolledBack);
    expect(await lookup.find(id)).toBeNull();
  });
});
