import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Transactions, buildDataSourceOptions, runMigrations } from '@rollcall/db';
import { createFreshDatabase, insertOrganization, type FreshDatabase } from '@rollcall/db/testing';
import { AdminLookup } from './admin.lookup';
import { OrganizationAdminStore, type NewAdmin } from './organization-admin.store';

// The organization_admins table through its store, on SQLite and (TEST_DB=postgres)
// PostgreSQL: an admin reads back as written, found by any spelling of the e-mail, and a
// password change commits or rolls back with its transaction.

let database: FreshDatabase;
let dataSource: DataSource;
let store: OrganizationAdminStore;
let lookup: AdminLookup;
let transactions: Transactions;

async function inserted(organizationId: string, overrides: Partial<NewAdmin> = {}) {
  const admin: NewAdmin = {
    id: randomUUID(),
    organizationId,
    email: `Admin-${randomUUID().slice(0, 8)}@Example.com`,
    passwordHash: 'scrypt$first',
    role: 'owner',
    createdAt: new Date('2026-01-02T03:04:05.678Z'),
    ...overrides,
  };
  await transactions.run((tx) => store.insert(tx, admin));
  return admin;
}

beforeAll(async () => {
  database = await createFreshDatabase();
  dataSource = await new DataSource(buildDataSourceOptions(database.config)).initialize();
  await runMigrations(dataSource);
  store = new OrganizationAdminStore(dataSource);
  lookup = new AdminLookup(dataSource);
  transactions = new Transactions(dataSource);
});

afterAll(async () => {
  await dataSource?.destroy();
  await database?.drop();
});

describe('OrganizationAdminStore', () => {
  it('inserts an admin that reads back as written, found by any spelling of the e-mail', async () => {
    const organizationId = await insertOrganization(dataSource);
    const admin = await inserted(organizationId);

    const profile = {
      id: admin.id,
      organizationId,
      email: admin.email,
      role: 'owner',
      createdAt: admin.createdAt,
      lastLoginAt: null,
    };
    expect(await lookup.find(admin.id)).toEqual(profile);
    expect(await lookup.credentialsByEmail(admin.email.toUpperCase())).toEqual({
      admin: profile,
      passwordHash: 'scrypt$first',
    });
  });

  it('refuses a second admin with the same e-mail in any spelling, in any organization', async () => {
    const admin = await inserted(await insertOrganization(dataSource));
    await expect(
      inserted(await insertOrganization(dataSource), { email: admin.email.toLowerCase() }),
    ).rejects.toThrow();
    expect(await lookup.listOf(admin.organizationId)).toHaveLength(1);
  });

  it('changes a password in the caller’s transaction, and a rollback keeps the old one', async () => {
    const admin = await inserted(await insertOrganization(dataSource));

    const rolledBack = new Error('rolled back');
    await expect(
      transactions.run(async (tx) => {
        await store.setPasswordHash(tx, admin.id, 'scrypt$never');
        throw rolledBack;
      }),
    ).rejects.toBe(rolledBack);
    expect((await lookup.credentialsByEmail(admin.email))?.passwordHash).toBe('scrypt$first');

    await transactions.run((tx) => store.setPasswordHash(tx, admin.id, 'scrypt$second'));
    expect((await lookup.credentialsByEmail(admin.email))?.passwordHash).toBe('scrypt$second');
  });

  it('tells whether any admin has ever signed in', async () => {
    // The first test to sign anyone in: the database is this spec's own.
    expect(await store.anySignedIn()).toBe(false);
    const admin = await inserted(await insertOrganization(dataSource));
    expect(await store.anySignedIn()).toBe(false);
    await transactions.run((tx) => lookup.recordLogin(tx, admin.id, new Date()));
    expect(await store.anySignedIn()).toBe(true);
  });
});
