import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  buildDataSourceOptions,
  dialectOf,
  inTransaction,
  positional,
  runMigrations,
  sqlValues,
  txOf,
} from '@rollcall/db';
import { createFreshDatabase, insertOrganization, type FreshDatabase } from '@rollcall/db/testing';
import { normalizeUserInput } from '../domain/user-document';
import type { DirectoryUser } from '../domain/directory-user';
import { createdUser } from '../domain/user-version';
import { TypeOrmUserStore } from './typeorm-user.store';
import { UserLookup, type SignInKeys } from './user.lookup';

// The directory's read port on SQLite and (TEST_DB=postgres) PostgreSQL: one organization's
// users only, one statement per call whatever the size of the lists, and the sign-in match
// ranked the way sso trusts its keys.

let database: FreshDatabase;
let dataSource: DataSource;
let store: TypeOrmUserStore;
let lookup: UserLookup;

const createOrganization = (): Promise<string> => insertOrganization(dataSource);

interface UserFields {
  userName: string;
  externalId?: string;
  email?: string;
  displayName?: string;
  active?: boolean;
  roleName?: string;
}

function newUser(organizationId: string, fields: UserFields, at = new Date()): DirectoryUser {
  return createdUser(
    normalizeUserInput({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      userName: fields.userName,
      active: fields.active ?? true,
      ...(fields.externalId ? { externalId: fields.externalId } : {}),
      ...(fields.displayName ? { displayName: fields.displayName } : {}),
      ...(fields.email ? { emails: [{ value: fields.email, type: 'work', primary: true }] } : {}),
      ...(fields.roleName ? { roles: [{ value: fields.roleName, primary: true }] } : {}),
    }),
    at,
    { id: randomUUID(), organizationId, source: 'scim' },
  );
}

async function insert(...users: DirectoryUser[]): Promise<void> {
  await inTransaction(dataSource, async (manager) => {
    for (const user of users) await store.insert(txOf(manager), user, 'scim:test');
  });
}

/**
 * `count` users in few statements (the store writes one per statement, which on PostgreSQL
 * takes seconds for thousands): only the columns a summary reads and the required ones. Ids.
 */
async function insertMany(organizationId: string, count: number): Promise<string[]> {
  const dialect = dialectOf(dataSource);
  const v = sqlValues(dialect);
  const ids = Array.from({ length: count }, () => randomUUID());
  const now = v.timestamp(new Date());
  const columns =
    'id, organization_id, user_name, user_name_normalized, active, source, resource, version, created_at, updated_at';
  for (let start = 0; start < count; start += 1000) {
    const chunk = ids.slice(start, start + 1000);
    const values = chunk.flatMap((id, i) => {
      const userName = `u${start + i}@example.com`;
      return [
        id,
        organizationId,
        userName,
        userName,
        v.bool(true),
        'scim',
        v.json({ userName }),
        1,
        now,
        now,
      ];
    });
    const rows = chunk.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ');
    await dataSource.query(
      positional(`INSERT INTO users (${columns}) VALUES ${rows}`, dialect),
      values,
    );
  }
  return ids;
}

/** The statements the lookup sends outside a transaction, counted for the `work` given. */
async function statementsOf(work: () => Promise<unknown>): Promise<number> {
  const query = jest.spyOn(dataSource.manager, 'query');
  try {
    await work();
    return query.mock.calls.length;
  } finally {
    query.mockRestore();
  }
}

const at = (second: number) => new Date(Date.parse('2026-03-01T00:00:00.000Z') + second * 1000);

beforeAll(async () => {
  database = await createFreshDatabase();
  dataSource = await new DataSource(buildDataSourceOptions(database.config)).initialize();
  await runMigrations(dataSource);
  store = new TypeOrmUserStore(dataSource);
  lookup = new UserLookup(dataSource);
});

afterAll(async () => {
  await dataSource?.destroy();
  await database?.drop();
});

describe('UserLookup.summaries', () => {
  it('answers the organization’s users by id, never another organization’s', async () => {
    const org = await createOrganization();
    const other = await createOrganization();
    const ada = newUser(org, {
      userName: 'ada@example.com',
      displayName: 'Ada Lovelace',
      roleName: 'Billing Admin',
    });
    const bob = newUser(org, { userName: 'bob@example.com', active: false });
    const stranger = newUser(other, { userName: 'ada@example.com' });
    await insert(ada, bob);
    await insert(stranger);

    const found = await lookup.summaries(org, [ada.id, bob.id, stranger.id, randomUUID()]);

    expect([...found.keys()].sort()).toEqual([ada.id, bob.id].sort());
    expect(found.get(ada.id)).toEqual({
      id: ada.id,
      userName: 'ada@example.com',
      displayName: 'Ada Lovelace',
      active: true,
      role: 'billing_admin',
    });
    expect(found.get(bob.id)).toEqual({
      id: bob.id,
      userName: 'bob@example.com',
      displayName: null,
      active: false,
      role: null,
    });
    expect((await lookup.summaries(other, [ada.id, stranger.id])).has(ada.id)).toBe(false);
  });

  it('answers an empty id list with an empty map, without a query', async () => {
    const org = await createOrganization();
    let found: Map<string, unknown> | undefined;
    expect(
      await statementsOf(async () => {
        found = await lookup.summaries(org, []);
      }),
    ).toBe(0);
    expect(found?.size).toBe(0);
  });

  it('reads 10,000 ids in one statement', async () => {
    const org = await createOrganization();
    const ids = await insertMany(org, 10_000);
    let found = new Map<string, { userName: string }>();
    expect(
      await statementsOf(async () => {
        found = await lookup.summaries(org, ids);
      }),
    ).toBe(1);
    expect(found.size).toBe(10_000);
    expect(found.get(ids[9_999] ?? '')?.userName).toBe('u9999@example.com');
  });

  it('reads inside the caller’s transaction, which sees its own uncommitted user', async () => {
    const org = await createOrganization();
    const user = newUser(org, { userName: 'pending@example.com' });
    await inTransaction(dataSource, async (manager) => {
      await store.insert(txOf(manager), user, 'scim:test');
      const found = await lookup.summaries(org, [user.id], txOf(manager));
      expect(found.get(user.id)?.userName).toBe('pending@example.com');
    });
  });
});

describe('UserLookup.signInCandidates', () => {
  const none: SignInKeys = { userNames: [], externalIds: [], emails: [] };

  it('names the first key that holds, user_name then external_id then email, oldest first', async () => {
    const org = await createOrganization();
    // Created out of order, so the answer's order is the creation time, not the insert order.
    const byEmail = newUser(org, { userName: 'c', email: 'ada@example.com' }, at(1));
    const byUserName = newUser(
      org,
      { userName: 'Ada@Example.com', externalId: 'oid-1', email: 'ada@example.com' },
      at(3),
    );
    const byExternalId = newUser(
      org,
      { userName: 'b', externalId: 'oid-1', email: 'ada@example.com', roleName: 'admin' },
      at(2),
    );
    const unrelated = newUser(org, { userName: 'd', externalId: 'oid-2' }, at(0));
    await insert(byUserName, byExternalId, byEmail, unrelated);

    const candidates = await lookup.signInCandidates(org, {
      userNames: ['ada@example.com'],
      externalIds: ['oid-1'],
      emails: ['ada@example.com'],
    });

    expect(candidates.map((c) => [c.id, c.matchedBy])).toEqual([
      [byEmail.id, 'email'],
      [byExternalId.id, 'external_id'],
      [byUserName.id, 'user_name'],
    ]);
    expect(candidates[1]).toEqual({
      id: byExternalId.id,
      userName: 'b',
      displayName: null,
      active: true,
      role: 'admin',
      matchedBy: 'external_id',
    });
  });

  it('matches each key alone: userName and email lower-cased, externalId exactly', async () => {
    const org = await createOrganization();
    const user = newUser(org, {
      userName: 'Grace@Example.com',
      externalId: 'Oid-Grace',
      email: 'G.Hopper@Example.com',
      active: false,
    });
    await insert(user);
    const match = async (keys: Partial<SignInKeys>) =>
      (await lookup.signInCandidates(org, { ...none, ...keys })).map((c) => [
        c.id,
        c.matchedBy,
        c.active,
      ]);

    expect(await match({ userNames: ['grace@example.com'] })).toEqual([
      [user.id, 'user_name', false],
    ]);
    expect(await match({ externalIds: ['Oid-Grace'] })).toEqual([[user.id, 'external_id', false]]);
    expect(await match({ externalIds: ['oid-grace'] })).toEqual([]);
    expect(await match({ emails: ['g.hopper@example.com'] })).toEqual([[user.id, 'email', false]]);
    // A key of one kind never matches another column.
    expect(await match({ emails: ['grace@example.com'], userNames: ['oid-grace'] })).toEqual([]);
  });

  it('never returns another organization’s user, whatever matches', async () => {
    const org = await createOrganization();
    const other = await createOrganization();
    const keys = {
      userNames: ['x@example.com'],
      externalIds: ['oid-x'],
      emails: ['x@example.com'],
    };
    await insert(
      newUser(other, { userName: 'x@example.com', externalId: 'oid-x', email: 'x@example.com' }),
    );
    await expect(lookup.signInCandidates(org, keys)).resolves.toEqual([]);
    expect(await lookup.signInCandidates(other, keys)).toHaveLength(1);
  });

  it('answers empty keys with [] without a query, and any keys in one statement', async () => {
    const org = await createOrganization();
    await insert(newUser(org, { userName: 'y@example.com' }));
    let found: unknown[] | undefined;
    expect(
      await statementsOf(async () => {
        found = await lookup.signInCandidates(org, none);
      }),
    ).toBe(0);
    expect(found).toEqual([]);
    expect(
      await statementsOf(async () => {
        found = await lookup.signInCandidates(org, {
          userNames: ['y@example.com', 'z@example.com'],
          externalIds: [],
          emails: ['y@example.com'],
        });
      }),
    ).toBe(1);
    expect(found).toHaveLength(1);
  });
});

describe('UserLookup.withoutRole', () => {
  /** Every page of `limit`, followed from the start, as the caller walks them. */
  async function allPages(organizationId: string, limit: number): Promise<string[][]> {
    const pages: string[][] = [];
    let afterId: string | null = null;
    for (;;) {
      const page = await lookup.withoutRole(organizationId, afterId, limit);
      pages.push(page.map((user) => user.id));
      const last = page.at(-1);
      if (!last || page.length < limit) return pages;
      afterId = last.id;
    }
  }

  it('pages the organization’s users without a role of their own, deactivated ones too, by id', async () => {
    const org = await createOrganization();
    const other = await createOrganization();
    const plain = newUser(org, { userName: 'plain@example.com' });
    const inactive = newUser(org, { userName: 'inactive@example.com', active: false });
    const third = newUser(org, { userName: 'third@example.com', displayName: 'Third' });
    const withRole = newUser(org, { userName: 'lead@example.com', roleName: 'Team Lead' });
    const inactiveWithRole = newUser(org, {
      userName: 'admin@example.com',
      roleName: 'admin',
      active: false,
    });
    await insert(plain, inactive, third, withRole, inactiveWithRole);
    await insert(newUser(other, { userName: 'plain@example.com' }));
    const expected = [plain, inactive, third].map((user) => user.id).sort();

    expect(await lookup.withoutRole(org, null, 10)).toEqual(
      expected.map((id) => ({
        id,
        userName: [plain, inactive, third].find((user) => user.id === id)?.userName,
      })),
    );
    expect(await allPages(org, 2)).toEqual([expected.slice(0, 2), expected.slice(2)]);
    // A page that is exactly full is followed by an empty one.
    expect(await allPages(org, 3)).toEqual([expected, []]);
    expect(await lookup.withoutRole(org, expected[2] ?? '', 10)).toEqual([]);
    expect(await lookup.withoutRole(randomUUID(), null, 10)).toEqual([]);
  });

  it('reads 12,000 users in pages of 5,000, one statement each', async () => {
    const org = await createOrganization();
    const ids = await insertMany(org, 12_000);
    let pages: string[][] = [];
    expect(
      await statementsOf(async () => {
        pages = await allPages(org, 5_000);
      }),
    ).toBe(3);
    expect(pages.map((page) => page.length)).toEqual([5_000, 5_000, 2_000]);
    expect(pages.flat()).toEqual([...ids].sort());
  });

  it('reads inside the caller’s transaction, which sees its own uncommitted users', async () => {
    const org = await createOrganization();
    const user = newUser(org, { userName: 'pending@example.com' });
    await inTransaction(dataSource, async (manager) => {
      await store.insert(txOf(manager), user, 'scim:test');
      expect(await lookup.withoutRole(org, null, 10, txOf(manager))).toEqual([
        { id: user.id, userName: 'pending@example.com' },
      ]);
    });
  });
});
