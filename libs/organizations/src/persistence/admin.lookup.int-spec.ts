import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Transactions, buildDataSourceOptions, runMigrations } from '@rollcall/db';
import { createFreshDatabase, insertOrganization, type FreshDatabase } from '@rollcall/db/testing';
import { AdminLookup } from './admin.lookup';

// The organization_admins table as other features read it, on SQLite and (TEST_DB=postgres)
// PostgreSQL: profiles never carry the hash, e-mails match case-insensitively across
// organizations, many ids are one statement, and a sign-in's stamp commits or rolls back with
// the caller's transaction.

let database: FreshDatabase;
let dataSource: DataSource;
let lookup: AdminLookup;
let transactions: Transactions;
let postgres: boolean;
const p = (n: number) => (postgres ? `$${n}` : '?');
const at = (date: Date) => (postgres ? date : date.toISOString().replace('T', ' ').slice(0, 23));

interface AdminSeed {
  id?: string;
  email: string;
  passwordHash?: string;
  createdAt?: Date;
  lastLoginAt?: Date | null;
}

async function insertAdmin(organizationId: string, seed: AdminSeed): Promise<string> {
  const id = seed.id ?? randomUUID();
  await dataSource.query(
    `INSERT INTO organization_admins (id, organization_id, email, email_normalized, password_hash,
       created_at, last_login_at)
     VALUES (${[1, 2, 3, 4, 5, 6, 7].map(p).join(', ')})`,
    [
      id,
      organizationId,
      seed.email,
      seed.email.toLowerCase(),
      seed.passwordHash ?? 'scrypt$hash',
      at(seed.createdAt ?? new Date()),
      seed.lastLoginAt ? at(seed.lastLoginAt) : null,
    ],
  );
  return id;
}

const uniqueEmail = (name: string) => `${name}-${randomUUID().slice(0, 8)}@Example.com`;

beforeAll(async () => {
  database = await createFreshDatabase();
  dataSource = await new DataSource(buildDataSourceOptions(database.config)).initialize();
  await runMigrations(dataSource);
  postgres = dataSource.options.type === 'postgres';
  lookup = new AdminLookup(dataSource);
  transactions = new Transactions(dataSource);
});

afterAll(async () => {
  await dataSource?.destroy();
  await database?.drop();
});

afterEach(() => jest.restoreAllMocks());

describe('AdminLookup', () => {
  it('reads back every column as written, never the password hash', async () => {
    const organizationId = await insertOrganization(dataSource);
    const createdAt = new Date('2026-01-02T03:04:05.678Z');
    const lastLoginAt = new Date('2026-02-03T04:05:06.789Z');
    const email = uniqueEmail('Ada');
    const id = await insertAdmin(organizationId, { email, createdAt, lastLoginAt });
    const never = await insertAdmin(organizationId, { email: uniqueEmail('new') });

    const admin = await lookup.find(id);
    expect(admin).toEqual({ id, organizationId, email, role: 'viewer', createdAt, lastLoginAt });
    expect(JSON.stringify(admin)).not.toContain('scrypt');
    expect((await lookup.find(never))?.lastLoginAt).toBeNull();
    expect(await lookup.find(randomUUID())).toBeNull();
  });

  it('finds many admins in one statement, whatever their organization', async () => {
    const ids = [
      await insertAdmin(await insertOrganization(dataSource), { email: uniqueEmail('a') }),
      await insertAdmin(await insertOrganization(dataSource), { email: uniqueEmail('b') }),
    ];
    const missing = randomUUID();
    const query = jest.spyOn(dataSource.manager, 'query');

    const found = await lookup.findMany([...ids, missing, ids[0] as string]);

    expect(query).toHaveBeenCalledTimes(1);
    expect([...found.keys()].sort()).toEqual([...ids].sort());
    expect(found.has(missing)).toBe(false);
    expect(await lookup.findMany([])).toEqual(new Map());
    expect(query).toHaveBeenCalledTimes(1);
  });

  it('finds an admin by e-mail in any organization, case-insensitively and trimmed', async () => {
    const organizationId = await insertOrganization(dataSource);
    const email = uniqueEmail('Grace');
    const id = await insertAdmin(organizationId, { email });

    expect(await lookup.findByEmail(`  ${email.toUpperCase()} `)).toMatchObject({
      id,
      organizationId,
      email,
    });
    expect(await lookup.findByEmail(uniqueEmail('nobody'))).toBeNull();
  });

  it('finds an organization’s admins among e-mails, and no other organization’s', async () => {
    const organizationId = await insertOrganization(dataSource);
    const elsewhere = await insertOrganization(dataSource);
    const first = uniqueEmail('first');
    const second = uniqueEmail('second');
    const foreign = uniqueEmail('foreign');
    const firstId = await insertAdmin(organizationId, {
      email: first,
      createdAt: new Date('2026-01-01T00:00:00.000Z'),
    });
    const secondId = await insertAdmin(organizationId, {
      email: second,
      createdAt: new Date('2026-01-02T00:00:00.000Z'),
    });
    await insertAdmin(elsewhere, { email: foreign });

    const found = await lookup.findByEmails(organizationId, [
      second.toUpperCase(),
      first,
      foreign,
      uniqueEmail('nobody'),
    ]);
    expect(found.map((admin) => admin.id)).toEqual([firstId, secondId]);
    expect(await lookup.findByEmails(organizationId, [])).toEqual([]);
  });

  it('lists an organization’s admins first admin first, ties broken by id', async () => {
    const organizationId = await insertOrganization(dataSource);
    const other = await insertOrganization(dataSource);
    const same = new Date('2026-03-01T00:00:00.000Z');
    await insertAdmin(organizationId, { id: 'b-admin', email: uniqueEmail('b'), createdAt: same });
    await insertAdmin(organizationId, { id: 'a-admin', email: uniqueEmail('a'), createdAt: same });
    await insertAdmin(organizationId, {
      id: 'z-admin',
      email: uniqueEmail('z'),
      createdAt: new Date('2026-02-01T00:00:00.000Z'),
    });
    await insertAdmin(other, { email: uniqueEmail('other') });

    const admins = await lookup.listOf(organizationId);
    expect(admins.map((admin) => admin.id)).toEqual(['z-admin', 'a-admin', 'b-admin']);
    expect(admins[0]?.createdAt).toEqual(new Date('2026-02-01T00:00:00.000Z'));
    expect(await lookup.listOf(randomUUID())).toEqual([]);
  });

  it('gives the password hash only through credentialsByEmail', async () => {
    const organizationId = await insertOrganization(dataSource);
    const email = uniqueEmail('Signer');
    const id = await insertAdmin(organizationId, { email, passwordHash: 'scrypt$secret-hash' });

    expect(await lookup.credentialsByEmail(email.toLowerCase())).toEqual({
      // Inserted without a role: the column's default is the least privilege.
      admin: {
        id,
        organizationId,
        email,
        role: 'viewer',
        createdAt: expect.any(Date),
        lastLoginAt: null,
      },
      passwordHash: 'scrypt$secret-hash',
    });
    expect(await lookup.credentialsByEmail(uniqueEmail('nobody'))).toBeNull();
  });

  it('records a sign-in inside the caller’s transaction, and a rollback undoes it', async () => {
    const organizationId = await insertOrganization(dataSource);
    const id = await insertAdmin(organizationId, { email: uniqueEmail('login') });
    const first = new Date('2026-04-05T06:07:08.901Z');

    await transactions.run(async (tx) => {
      await lookup.recordLogin(tx, id, first);
      expect((await lookup.find(id, tx))?.lastLoginAt).toEqual(first);
    });
    expect((await lookup.find(id))?.lastLoginAt).toEqual(first);

    const rolledBack = new Error('rolled back');
    await expect(
      transactions.run(async (tx) => {
        await lookup.recordLogin(tx, id, new Date('2026-05-05T00:00:00.000Z'));
        throw rolledBack;
      }),
    ).rejects.toBe(rolledBack);
    expect((await lookup.find(id))?.lastLoginAt).toEqual(first);
  });
});
