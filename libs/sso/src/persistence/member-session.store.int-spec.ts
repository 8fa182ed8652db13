import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  buildDataSourceOptions,
  dialectOf,
  runMigrations,
  sqlValues,
  Transactions,
  type SqlValues,
} from '@rollcall/db';
import { createFreshDatabase, insertOrganization, type FreshDatabase } from '@rollcall/db/testing';
import { sessionClock, SESSION_IDLE_TIMEOUT_MS } from '../domain/admin-session.policy';
import type { NewMemberSession } from '../domain/member-session';
import { generateSessionSecret } from '../domain/session.secret';
import { MemberSessionStore } from './member-session.store';

// Member sessions on a real database (SQLite, or PostgreSQL with TEST_DB=postgres): what is
// stored, which sessions are live at a clock, and that deleting a user deletes theirs.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

let database: FreshDatabase;
let dataSource: DataSource;
let store: MemberSessionStore;
let transactions: Transactions;
let values: SqlValues;
const p = (n: number) => (values.dialect === 'postgres' ? `$${n}` : '?');

interface User {
  id: string;
  organizationId: string;
}

async function aUser(): Promise<User> {
  const organizationId = await insertOrganization(dataSource);
  const id = randomUUID();
  const now = values.timestamp(new Date());
  await dataSource.query(
    `INSERT INTO users (id, organization_id, user_name, user_name_normalized, active, source,
       resource, version, created_at, updated_at)
     VALUES (${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)}, 'scim', '{}', 1, ${p(6)}, ${p(7)})`,
    [id, organizationId, `${id}@example.com`, `${id}@example.com`, values.bool(true), now, now],
  );
  return { id, organizationId };
}

function aSession(user: User, overrides: Partial<NewMemberSession> = {}): NewMemberSession {
  const createdAt = overrides.createdAt ?? new Date();
  return {
    id: generateSessionSecret().id,
    userId: user.id,
    organizationId: user.organizationId,
    csrfToken: `csrf-${randomUUID()}`,
    createdAt,
    expiresAt: new Date(createdAt.getTime() + 7 * 24 * HOUR),
    ...overrides,
  };
}

async function open(session: NewMemberSession): Promise<NewMemberSession> {
  await transactions.run((tx) => store.open(tx, session));
  return session;
}

async function stored(id: string): Promise<Record<string, unknown> | undefined> {
  const rows: Record<string, unknown>[] = await dataSource.query(
    `SELECT * FROM member_sessions WHERE id = ${p(1)}`,
    [id],
  );
  return rows[0];
}

const readDate = (value: unknown) => values.readDateOrNull(value);

beforeAll(async () => {
  database = await createFreshDatabase();
  dataSource = await new DataSource(buildDataSourceOptions(database.config)).initialize();
  await runMigrations(dataSource);
  values = sqlValues(dialectOf(dataSource));
  store = new MemberSessionStore(dataSource);
  transactions = new Transactions(dataSource);
});

afterAll(async () => {
  await dataSource?.destroy();
  await database?.drop();
});

describe('MemberSessionStore', () => {
  it('stores every column as given, last seen when created, and finds it live', async () => {
    const user = await aUser();
    const createdAt = new Date('2026-03-04T05:06:07.891Z');
    const session = await open(
      aSession(user, { createdAt, expiresAt: new Date('2026-03-11T05:06:07.891Z') }),
    );
    const row = await stored(session.id);
    expect(row).toMatchObject({
      id: session.id,
      user_id: user.id,
      organization_id: user.organizationId,
      csrf_token: session.csrfToken,
      revoked_at: null,
    });
    expect(readDate(row?.['created_at'])).toEqual(createdAt);
    expect(readDate(row?.['last_seen_at'])).toEqual(createdAt);
    expect(readDate(row?.['expires_at'])).toEqual(session.expiresAt);

    expect(await store.findLive(session.id, sessionClock(createdAt))).toEqual({
      id: session.id,
      userId: user.id,
      organizationId: user.organizationId,
      csrfToken: session.csrfToken,
      lastSeenStale: false,
    });
  });

  it('reads a session from before CSRF tokens with a null token', async () => {
    const user = await aUser();
    const session = await open(aSession(user));
    await dataSource.query(`UPDATE member_sessions SET csrf_token = NULL WHERE id = ${p(1)}`, [
      session.id,
    ]);
    expect(await store.findLive(session.id, sessionClock(session.createdAt))).toMatchObject({
      csrfToken: null,
    });
  });

  it('finds a session live only before its expiry, while not idle, and unrevoked', async () => {
    const user = await aUser();
    const createdAt = new Date('2026-04-01T00:00:00.000Z');
    const session = await open(
      aSession(user, { createdAt, expiresAt: new Date(createdAt.getTime() + 24 * HOUR) }),
    );
    const at = (ms: number) => sessionClock(new Date(createdAt.getTime() + ms));

    expect(await store.findLive(session.id, at(SESSION_IDLE_TIMEOUT_MS - 1))).not.toBeNull();
    expect(await store.findLive(session.id, at(SESSION_IDLE_TIMEOUT_MS))).toBeNull();
    await dataSource.query(`UPDATE member_sessions SET last_seen_at = ${p(1)} WHERE id = ${p(2)}`, [
      values.timestamp(new Date(createdAt.getTime() + 24 * HOUR - MINUTE)),
      session.id,
    ]);
    expect(await store.findLive(session.id, at(24 * HOUR - 1))).not.toBeNull();
    expect(await store.findLive(session.id, at(24 * HOUR))).toBeNull();
    expect(await store.findLive(generateSessionSecret().id, at(0))).toBeNull();

    const revokedAt = new Date('2026-04-01T01:00:00.000Z');
    await store.revoke(session.id, revokedAt);
    await store.revoke(session.id, new Date());
    expect(await store.findLive(session.id, at(24 * HOUR - 1))).toBeNull();
    expect(readDate((await stored(session.id))?.['revoked_at'])).toEqual(revokedAt);
  });

  it('says when last seen is due, and writes it once however many requests ask', async () => {
    const user = await aUser();
    const createdAt = new Date('2026-04-02T00:00:00.000Z');
    const session = await open(aSession(user, { createdAt }));

    const soon = sessionClock(new Date(createdAt.getTime() + MINUTE));
    expect((await store.findLive(session.id, soon))?.lastSeenStale).toBe(false);
    const later = sessionClock(new Date(createdAt.getTime() + MINUTE + 1));
    expect((await store.findLive(session.id, later))?.lastSeenStale).toBe(true);

    await store.touch(session.id, later);
    expect(readDate((await stored(session.id))?.['last_seen_at'])).toEqual(later.now);
    await store.touch(session.id, sessionClock(new Date(later.now.getTime() - 1)));
    expect(readDate((await stored(session.id))?.['last_seen_at'])).toEqual(later.now);
  });

  it('loses its sessions with the user (the foreign key cascade)', async () => {
    const user = await aUser();
    const session = await open(aSession(user));
    await dataSource.query(`DELETE FROM users WHERE id = ${p(1)}`, [user.id]);
    expect(await stored(session.id)).toBeUndefined();
  });

  it('leaves nothing behind when the transaction that opened a session rolls back', async () => {
    const user = await aUser();
    const session = aSession(user);
    await expect(
      transactions.run(async (tx) => {
        await store.open(tx, session);
        throw new Error('abandoned');
      }),
    ).rejects.toThrow('abandoned');
    expect(await stored(session.id)).toBeUndefined();
  });
});
