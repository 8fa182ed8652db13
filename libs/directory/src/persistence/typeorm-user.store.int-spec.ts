import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions, inTransaction, runMigrations } from '@rollcall/db';
import { createFreshDatabase, insertOrganization, type FreshDatabase } from '@rollcall/db/testing';
import { parseFilter } from '@rollcall/scim-core';
import { DirectoryError } from '../domain/directory.error';
import { normalizeUserInput } from '../domain/user-document';
import { TypeOrmUserStore } from './typeorm-user.store';
import { UserEntity } from './user.entity';
import { userRow } from './user.mapper';

// The users table through its store, on SQLite and (TEST_DB=postgres) PostgreSQL: every
// column reads back as written, pages and totals are right with and without a filter, and
// the per-organization count kept by triggers stays exact whoever writes.

let database: FreshDatabase;
let dataSource: DataSource;
let store: TypeOrmUserStore;
let postgres: boolean;
const p = (n: number) => (postgres ? `$${n}` : '?');

const createOrganization = (): Promise<string> => insertOrganization(dataSource);

function newUser(organizationId: string, userName: string, at = new Date()): UserEntity {
  return userRow(
    normalizeUserInput({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      userName,
      externalId: `ext-${userName}`,
      active: true,
      name: { givenName: 'Ada', familyName: 'Lovelace' },
      emails: [{ value: userName, type: 'work', primary: true }],
    }),
    at,
    { id: randomUUID(), organizationId },
  );
}

async function insert(user: UserEntity): Promise<void> {
  await inTransaction(dataSource, (manager) => store.insert(manager, user));
}

async function storedCount(organizationId: string): Promise<number | undefined> {
  const rows = (await dataSource.query(
    `SELECT users FROM user_counts WHERE organization_id = ${p(1)}`,
    [organizationId],
  )) as { users: number | string }[];
  return rows[0] === undefined ? undefined : Number(rows[0].users);
}

async function trueCount(organizationId: string): Promise<number> {
  const rows = (await dataSource.query(
    `SELECT COUNT(*) AS n FROM users WHERE organization_id = ${p(1)}`,
    [organizationId],
  )) as { n: number | string }[];
  return Number(rows[0]?.n);
}

beforeAll(async () => {
  database = await createFreshDatabase();
  dataSource = await new DataSource(buildDataSourceOptions(database.config)).initialize();
  await runMigrations(dataSource);
  postgres = dataSource.options.type === 'postgres';
  store = new TypeOrmUserStore(dataSource);
});

afterAll(async () => {
  await dataSource?.destroy();
  await database?.drop();
});

describe('TypeOrmUserStore', () => {
  it('reads back every column as it was written: dates, booleans, the document', async () => {
    const org = await createOrganization();
    const user = newUser(org, 'ada@example.com', new Date('2026-01-02T03:04:05.678Z'));
    user.active = false;
    user.deactivatedAt = new Date('2026-02-03T04:05:06.789Z');
    user.role = 'admin';
    await insert(user);
    const found = await store.findById(org, user.id);
    expect(found).toBeInstanceOf(UserEntity);
    expect(found).toEqual(user);
    expect(found?.createdAt.toISOString()).toBe('2026-01-02T03:04:05.678Z');
    expect(found?.active).toBe(false);
    expect(found?.resource).toEqual(user.resource);
  });

  it('finds nothing for another organization’s id', async () => {
    const org = await createOrganization();
    const other = await createOrganization();
    const user = newUser(org, 'own@example.com');
    await insert(user);
    await expect(store.findById(other, user.id)).resolves.toBeNull();
    await inTransaction(dataSource, async (manager) => {
      await expect(store.findForUpdate(manager, other, user.id)).resolves.toBeNull();
      await expect(store.deleteReturning(manager, other, user.id)).resolves.toBeNull();
    });
  });

  it('writes an update, and answers a taken userName with the directory error', async () => {
    const org = await createOrganization();
    const first = newUser(org, 'first@example.com');
    const second = newUser(org, 'second@example.com');
    await insert(first);
    await insert(second);
    await expect(insert(newUser(org, 'FIRST@example.com'))).rejects.toThrow(DirectoryError);
    const renamed = Object.assign(new UserEntity(), second, {
      userName: 'First@Example.com',
      userNameNormalized: 'first@example.com',
    });
    await expect(
      inTransaction(dataSource, (manager) => store.update(manager, renamed)),
    ).rejects.toThrow(/already exists/);
    const changed = Object.assign(new UserEntity(), second, { displayName: 'Two', version: 2 });
    await inTransaction(dataSource, (manager) => store.update(manager, changed));
    expect(await store.findById(org, second.id)).toEqual(changed);
    await inTransaction(dataSource, async (manager) => {
      expect(await store.userNameTaken(manager, org, 'first@example.com')).toBe(true);
      expect(await store.userNameTaken(manager, org, 'first@example.com', first.id)).toBe(false);
    });
  });

  describe('page', () => {
    let org: string;
    const names = Array.from({ length: 7 }, (_, i) => `p${i}@example.com`);

    beforeAll(async () => {
      org = await createOrganization();
      const base = Date.parse('2026-05-01T00:00:00.000Z');
      for (const [i, name] of names.entries()) {
        await insert(newUser(org, name, new Date(base + i * 1000)));
      }
    });

    const page = (startIndex: number, count: number, filter?: string) =>
      store.page(org, {
        startIndex,
        count,
        sortOrder: 'ascending',
        filter: filter === undefined ? undefined : parseFilter(filter),
      });

    it('pages in creation order with the exact total at every depth', async () => {
      for (const [startIndex, count, expected] of [
        [1, 3, names.slice(0, 3)],
        [4, 3, names.slice(3, 6)],
        [7, 3, names.slice(6)],
        [6, 100, names.slice(5)],
        [8, 3, []],
        [50, 3, []],
      ] as const) {
        const result = await page(startIndex, count);
        expect(result.users.map((u) => u.userName)).toEqual(expected);
        expect(result.total).toBe(7);
      }
      expect((await page(1, 0)).total).toBe(7);
    });

    it('totals a filter exactly, whether the page is full, partial or past the end', async () => {
      const filter = 'userName sw "p" and not (userName eq "p0@example.com")';
      expect((await page(1, 2, filter)).total).toBe(6);
      expect((await page(5, 10, filter)).total).toBe(6);
      expect((await page(9, 10, filter)).total).toBe(6);
      const one = await page(1, 100, 'userName eq "P3@EXAMPLE.COM"');
      expect([one.total, one.users.map((u) => u.userName)]).toEqual([1, ['p3@example.com']]);
      const none = await page(1, 100, 'externalId eq "nobody"');
      expect([none.total, none.users]).toEqual([0, []]);
    });
  });

  describe('the per-organization count kept by triggers', () => {
    it('counts inserts and deletes, including concurrent ones', async () => {
      const org = await createOrganization();
      expect(await storedCount(org)).toBeUndefined();
      const users = Array.from({ length: 24 }, (_, i) => newUser(org, `c${i}@example.com`));
      await Promise.all(users.map((user) => insert(user)));
      expect(await storedCount(org)).toBe(24);
      await Promise.all(
        users.slice(0, 10).map((user) =>
          inTransaction(dataSource, async (manager) => {
            const deleted = await store.deleteReturning(manager, org, user.id);
            expect(deleted?.userName).toBe(user.userName);
          }),
        ),
      );
      expect(await storedCount(org)).toBe(14);
      expect(await trueCount(org)).toBe(14);
      const listed = await store.page(org, { startIndex: 1, count: 5, sortOrder: 'ascending' });
      expect(listed.total).toBe(14);
    });

    it('does not count an insert whose transaction rolled back', async () => {
      const org = await createOrganization();
      await insert(newUser(org, 'kept@example.com'));
      await expect(
        inTransaction(dataSource, async (manager) => {
          await store.insert(manager, newUser(org, 'gone@example.com'));
          throw new Error('changed my mind');
        }),
      ).rejects.toThrow('changed my mind');
      expect(await storedCount(org)).toBe(1);
    });

    it('goes with its organization', async () => {
      const org = await createOrganization();
      await insert(newUser(org, 'leaving@example.com'));
      await dataSource.query(`DELETE FROM organizations WHERE id = ${p(1)}`, [org]);
      expect(await storedCount(org)).toBeUndefined();
    });
  });
});
