import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Transactions, buildDataSourceOptions, runMigrations, type Tx } from '@rollcall/db';
import { createFreshDatabase, insertOrganization, type FreshDatabase } from '@rollcall/db/testing';
import { parseFilter, type ScimJsonObject } from '@rollcall/scim-core';
import { DirectoryError } from '../domain/directory.error';
import type { DirectoryUser } from '../domain/directory-user';
import { normalizeUserInput } from '../domain/user-document';
import { userEventData } from '../domain/user-events';
import { changedUser, createdUser } from '../domain/user-version';
import { TypeOrmUserStore } from './typeorm-user.store';

// The users table through its store, on SQLite and (TEST_DB=postgres) PostgreSQL: every
// column reads back as written, pages and totals are right with and without a filter, the
// per-organization count kept by triggers stays exact whoever writes, and every write
// appends its events in its own transaction (committed with it, gone with its rollback).

let database: FreshDatabase;
let dataSource: DataSource;
let store: TypeOrmUserStore;
let transactions: Transactions;
let postgres: boolean;
const p = (n: number) => (postgres ? `$${n}` : '?');
const ACTOR = 'scim:token-1';

const createOrganization = (): Promise<string> => insertOrganization(dataSource);

function document(userName: string, extra: ScimJsonObject = {}): ScimJsonObject {
  return normalizeUserInput({
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
    userName,
    externalId: `ext-${userName}`,
    active: true,
    name: { givenName: 'Ada', familyName: 'Lovelace' },
    emails: [{ value: userName, type: 'work', primary: true }],
    ...extra,
  });
}

function newUser(
  organizationId: string,
  userName: string,
  at = new Date(),
  extra: ScimJsonObject = {},
): DirectoryUser {
  return createdUser(document(userName, extra), at, {
    id: randomUUID(),
    organizationId,
    source: 'scim',
  });
}

const inTx = <T>(work: (tx: Tx) => Promise<T>): Promise<T> => transactions.run(work);

async function insert(user: DirectoryUser): Promise<void> {
  await inTx((tx) => store.insert(tx, user, ACTOR));
}

interface StoredEvent {
  type: string;
  actor: string;
  subject: string;
  data: Record<string, unknown>;
}

async function eventsOf(organizationId: string): Promise<StoredEvent[]> {
  const rows = (await dataSource.query(
    `SELECT type, actor, subject_type, subject_id, data FROM events WHERE organization_id = ${p(1)} ORDER BY sequence`,
    [organizationId],
  )) as { type: string; actor: string; subject_type: string; subject_id: string; data: unknown }[];
  return rows.map((row) => ({
    type: row.type,
    actor: row.actor,
    subject: `${row.subject_type}:${row.subject_id}`,
    data: (typeof row.data === 'string' ? JSON.parse(row.data) : row.data) as Record<
      string,
      unknown
    >,
  }));
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
  transactions = new Transactions(dataSource);
});

afterAll(async () => {
  await dataSource?.destroy();
  await database?.drop();
});

describe('TypeOrmUserStore', () => {
  it('reads back every field as it was written: dates, booleans, the document', async () => {
    const org = await createOrganization();
    const user = newUser(org, 'ada@example.com', new Date('2026-01-02T03:04:05.678Z'), {
      active: false,
      roles: [{ value: 'Billing Admin', primary: true }],
    });
    expect(user.deactivatedAt?.toISOString()).toBe('2026-01-02T03:04:05.678Z');
    await insert(user);
    const found = await store.findById(org, user.id);
    expect(found).toEqual(user);
    expect(found?.createdAt.toISOString()).toBe('2026-01-02T03:04:05.678Z');
    expect(found?.active).toBe(false);
    expect(found?.role).toBe('billing_admin');
  });

  it('keeps the columns projected from the document for look-ups and filters', async () => {
    const org = await createOrganization();
    const user = newUser(org, 'Ada@Example.com', new Date(), {
      roles: [{ value: 'Team Lead', primary: true }],
    });
    await insert(user);
    const rows = (await dataSource.query(
      `SELECT user_name_normalized, given_name, family_name, email_normalized, role_name, role FROM users WHERE id = ${p(1)}`,
      [user.id],
    )) as Record<string, unknown>[];
    expect(rows).toEqual([
      {
        user_name_normalized: 'ada@example.com',
        given_name: 'Ada',
        family_name: 'Lovelace',
        email_normalized: 'ada@example.com',
        role_name: 'Team Lead',
        role: 'team_lead',
      },
    ]);
  });

  it('finds nothing for another organization’s id', async () => {
    const org = await createOrganization();
    const other = await createOrganization();
    const user = newUser(org, 'own@example.com');
    await insert(user);
    await expect(store.findById(other, user.id)).resolves.toBeNull();
    await inTx(async (tx) => {
      await expect(store.findForUpdate(tx, other, user.id)).resolves.toBeNull();
      await expect(store.delete(tx, other, user.id, ACTOR)).resolves.toBeNull();
    });
    expect(await store.findById(org, user.id)).toEqual(user);
    expect((await eventsOf(other)).map((e) => e.type)).toEqual([]);
  });

  it('writes an update, and answers a taken userName with the directory error', async () => {
    const org = await createOrganization();
    const first = newUser(org, 'first@example.com');
    const second = newUser(org, 'second@example.com');
    await insert(first);
    await insert(second);
    await expect(insert(newUser(org, 'FIRST@example.com'))).rejects.toThrow(DirectoryError);
    const renamed = changedUser(second, document('First@Example.com'), new Date());
    await expect(inTx((tx) => store.update(tx, second, renamed, ACTOR))).rejects.toThrow(
      /already exists/,
    );
    const changed = changedUser(
      second,
      document('second@example.com', { displayName: 'Two' }),
      new Date(),
    );
    await inTx((tx) => store.update(tx, second, changed, ACTOR));
    expect(await store.findById(org, second.id)).toEqual(changed);
    expect(changed.version).toBe(2);
    await inTx(async (tx) => {
      expect(await store.userNameTaken(tx, org, 'First@example.com')).toBe(true);
      expect(await store.userNameTaken(tx, org, 'first@example.com', first.id)).toBe(false);
      expect(await store.userNameTaken(tx, org, 'nobody@example.com')).toBe(false);
    });
  });

  describe('the events of each write, in the write’s transaction', () => {
    it('appends user.created with the user on commit', async () => {
      const org = await createOrganization();
      const user = newUser(org, 'created@example.com');
      await insert(user);
      expect(await eventsOf(org)).toEqual([
        {
          type: 'user.created',
          actor: ACTOR,
          subject: `user:${user.id}`,
          data: { user: JSON.parse(JSON.stringify(userEventData(user))) as unknown },
        },
      ]);
    });

    it('appends what an update changed, then the deactivation, in that order', async () => {
      const org = await createOrganization();
      const before = newUser(org, 'changing@example.com');
      await insert(before);
      const after = changedUser(
        before,
        document('changing@example.com', { active: false, displayName: 'Changed' }),
        new Date(),
      );
      await inTx((tx) => store.update(tx, before, after, 'admin:someone'));
      const events = await eventsOf(org);
      expect(events.map((e) => [e.type, e.actor, e.subject])).toEqual([
        ['user.created', ACTOR, `user:${before.id}`],
        ['user.updated', 'admin:someone', `user:${before.id}`],
        ['user.deactivated', 'admin:someone', `user:${before.id}`],
      ]);
      expect(events[1]?.data['changed']).toEqual(['displayName']);
      expect((events[2]?.data['user'] as { active: boolean }).active).toBe(false);
    });

    it('appends user.deleted with the user as it was, and nothing for an unknown id', async () => {
      const org = await createOrganization();
      const user = newUser(org, 'deleted@example.com');
      await insert(user);
      const deleted = await inTx((tx) => store.delete(tx, org, user.id, ACTOR));
      expect(deleted).toEqual(user);
      await expect(inTx((tx) => store.delete(tx, org, user.id, ACTOR))).resolves.toBeNull();
      const events = await eventsOf(org);
      expect(events.map((e) => e.type)).toEqual(['user.created', 'user.deleted']);
      expect(events[1]?.data).toEqual({
        user: JSON.parse(JSON.stringify(userEventData(user))) as unknown,
      });
    });

    it('leaves neither the change nor its event when the transaction rolls back', async () => {
      const org = await createOrganization();
      const kept = newUser(org, 'kept@example.com');
      await insert(kept);
      const rollBack = (work: (tx: Tx) => Promise<unknown>) =>
        expect(
          inTx(async (tx) => {
            await work(tx);
            throw new Error('changed my mind');
          }),
        ).rejects.toThrow('changed my mind');
      const gone = newUser(org, 'gone@example.com');
      await rollBack((tx) => store.insert(tx, gone, ACTOR));
      const after = changedUser(kept, document('kept@example.com', { active: false }), new Date());
      await rollBack((tx) => store.update(tx, kept, after, ACTOR));
      await rollBack((tx) => store.delete(tx, org, kept.id, ACTOR));
      expect(await store.findById(org, gone.id)).toBeNull();
      expect(await store.findById(org, kept.id)).toEqual(kept);
      expect((await eventsOf(org)).map((e) => e.type)).toEqual(['user.created']);
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
          inTx(async (tx) => {
            const deleted = await store.delete(tx, org, user.id, ACTOR);
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
        inTx(async (tx) => {
          await store.insert(tx, newUser(org, 'gone@example.com'), ACTOR);
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
