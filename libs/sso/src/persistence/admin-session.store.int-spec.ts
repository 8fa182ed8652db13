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
import type { NewAdminSession } from '../domain/admin-session';
import { generateSessionSecret } from '../domain/session.secret';
import { AdminSessionStore } from './admin-session.store';

// Dashboard sessions on a real database (SQLite, or PostgreSQL with TEST_DB=postgres): what is
// stored, which sessions are live at a clock, and that revocation and purging touch only the
// sessions they should.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

let database: FreshDatabase;
let dataSource: DataSource;
let store: AdminSessionStore;
let transactions: Transactions;
let values: SqlValues;
const p = (n: number) => (values.dialect === 'postgres' ? `$${n}` : '?');

interface Admin {
  id: string;
  organizationId: string;
}

async function anAdmin(organizationId?: string): Promise<Admin> {
  const org = organizationId ?? (await insertOrganization(dataSource));
  const id = randomUUID();
  await dataSource.query(
    `INSERT INTO organization_admins (id, organization_id, email, email_normalized, password_hash, created_at)
     VALUES (${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, 'x', ${p(5)})`,
    [id, org, `${id}@example.com`, `${id}@example.com`, values.timestamp(new Date())],
  );
  return { id, organizationId: org };
}

function aSession(admin: Admin, overrides: Partial<NewAdminSession> = {}): NewAdminSession {
  const createdAt = overrides.createdAt ?? new Date();
  return {
    id: generateSessionSecret().id,
    adminId: admin.id,
    organizationId: admin.organizationId,
    csrfToken: `csrf-${randomUUID()}`,
    createdAt,
    expiresAt: new Date(createdAt.getTime() + 7 * 24 * HOUR),
    userAgent: 'Mozilla/5.0',
    ipAddress: '203.0.113.5',
    ...overrides,
  };
}

async function open(session: NewAdminSession): Promise<NewAdminSession> {
  await transactions.run((tx) => store.open(tx, session));
  return session;
}

async function stored(id: string): Promise<Record<string, unknown> | undefined> {
  const rows: Record<string, unknown>[] = await dataSource.query(
    `SELECT * FROM admin_sessions WHERE id = ${p(1)}`,
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
  store = new AdminSessionStore(dataSource);
  transactions = new Transactions(dataSource);
});

afterAll(async () => {
  await dataSource?.destroy();
  await database?.drop();
});

describe('AdminSessionStore', () => {
  it('stores every column as given, last seen when created, and finds it live', async () => {
    const admin = await anAdmin();
    const createdAt = new Date('2026-03-04T05:06:07.891Z');
    const session = await open(
      aSession(admin, { createdAt, expiresAt: new Date('2026-03-11T05:06:07.891Z') }),
    );
    const row = await stored(session.id);
    expect(row).toMatchObject({
      id: session.id,
      admin_id: admin.id,
      organization_id: admin.organizationId,
      csrf_token: session.csrfToken,
      user_agent: 'Mozilla/5.0',
      ip_address: '203.0.113.5',
      revoked_at: null,
    });
    expect(readDate(row?.['created_at'])).toEqual(createdAt);
    expect(readDate(row?.['last_seen_at'])).toEqual(createdAt);
    expect(readDate(row?.['expires_at'])).toEqual(session.expiresAt);

    expect(await store.findLive(session.id, sessionClock(createdAt))).toEqual({
      id: session.id,
      adminId: admin.id,
      organizationId: admin.organizationId,
      csrfToken: session.csrfToken,
      lastSeenStale: false,
    });
  });

  it('cuts the user agent and address to their columns, and keeps them null when absent', async () => {
    const admin = await anAdmin();
    const long = await open(
      aSession(admin, { userAgent: 'a'.repeat(600), ipAddress: `2001:db8::${'1'.repeat(80)}` }),
    );
    expect(await stored(long.id)).toMatchObject({
      user_agent: 'a'.repeat(512),
      ip_address: `2001:db8::${'1'.repeat(80)}`.slice(0, 64),
    });
    const none = await open(aSession(admin, { userAgent: null, ipAddress: null }));
    expect(await stored(none.id)).toMatchObject({ user_agent: null, ip_address: null });
  });

  it('finds a session live only before its expiry, while not idle, and unrevoked', async () => {
    const admin = await anAdmin();
    const createdAt = new Date('2026-04-01T00:00:00.000Z');
    const session = await open(
      aSession(admin, { createdAt, expiresAt: new Date(createdAt.getTime() + 24 * HOUR) }),
    );
    const at = (ms: number) => sessionClock(new Date(createdAt.getTime() + ms));

    expect(await store.findLive(session.id, at(SESSION_IDLE_TIMEOUT_MS - 1))).not.toBeNull();
    // Idle: last seen exactly at the cutoff is over.
    expect(await store.findLive(session.id, at(SESSION_IDLE_TIMEOUT_MS))).toBeNull();
    // Expired, however recently it was seen.
    await dataSource.query(`UPDATE admin_sessions SET last_seen_at = ${p(1)} WHERE id = ${p(2)}`, [
      values.timestamp(new Date(createdAt.getTime() + 24 * HOUR - MINUTE)),
      session.id,
    ]);
    expect(await store.findLive(session.id, at(24 * HOUR - 1))).not.toBeNull();
    expect(await store.findLive(session.id, at(24 * HOUR))).toBeNull();
    expect(await store.findLive(generateSessionSecret().id, at(0))).toBeNull();

    await transactions.run((tx) => store.revoke(tx, session.id, createdAt));
    expect(await store.findLive(session.id, at(24 * HOUR - 1))).toBeNull();
  });

  it('says when last seen is due, and writes it once however many requests ask', async () => {
    const admin = await anAdmin();
    const createdAt = new Date('2026-04-02T00:00:00.000Z');
    const session = await open(aSession(admin, { createdAt }));

    const soon = sessionClock(new Date(createdAt.getTime() + MINUTE));
    expect((await store.findLive(session.id, soon))?.lastSeenStale).toBe(false);
    const later = sessionClock(new Date(createdAt.getTime() + MINUTE + 1));
    expect((await store.findLive(session.id, later))?.lastSeenStale).toBe(true);

    await store.touch(session.id, later);
    expect(readDate((await stored(session.id))?.['last_seen_at'])).toEqual(later.now);
    // A concurrent request with an older clock finds it already written and leaves it.
    await store.touch(session.id, sessionClock(new Date(later.now.getTime() - 1)));
    expect(readDate((await stored(session.id))?.['last_seen_at'])).toEqual(later.now);
    expect((await store.findLive(session.id, later))?.lastSeenStale).toBe(false);
  });

  it('revokes once: a second revocation keeps the first time', async () => {
    const admin = await anAdmin();
    const session = await open(aSession(admin));
    const first = new Date('2026-04-03T10:00:00.000Z');
    await transactions.run((tx) => store.revoke(tx, session.id, first));
    await transactions.run((tx) => store.revoke(tx, session.id, new Date()));
    expect(readDate((await stored(session.id))?.['revoked_at'])).toEqual(first);
  });

  it('revokes every live session of one admin only, and counts them', async () => {
    const admin = await anAdmin();
    const colleague = await anAdmin(admin.organizationId);
    const [a, b, revoked] = [
      await open(aSession(admin)),
      await open(aSession(admin)),
      await open(aSession(admin)),
    ];
    const theirs = await open(aSession(colleague));
    const earlier = new Date('2026-04-04T00:00:00.000Z');
    await transactions.run((tx) => store.revoke(tx, revoked.id, earlier));

    const at = new Date();
    expect(await transactions.run((tx) => store.revokeAllOf(tx, admin.id, at))).toBe(2);
    for (const session of [a, b]) {
      expect(readDate((await stored(session.id))?.['revoked_at'])).toEqual(at);
    }
    expect(readDate((await stored(revoked.id))?.['revoked_at'])).toEqual(earlier);
    expect((await stored(theirs.id))?.['revoked_at']).toBeNull();
    expect(await transactions.run((tx) => store.revokeAllOf(tx, admin.id, at))).toBe(0);
  });

  it('purges sessions past their expiry or idle, revoked or not, and keeps the rest', async () => {
    const admin = await anAdmin();
    const now = new Date('2030-01-01T12:00:00.000Z');
    const ago = (ms: number) => new Date(now.getTime() - ms);
    // The other specs' sessions are idle by then: out of the way first, so the count is exact.
    await transactions.run((tx) => store.purgeExpired(tx, sessionClock(now)));
    const live = await open(aSession(admin, { createdAt: ago(HOUR) }));
    const revokedRecently = await open(aSession(admin, { createdAt: ago(HOUR) }));
    await transactions.run((tx) => store.revoke(tx, revokedRecently.id, ago(HOUR)));
    const idle = await open(aSession(admin, { createdAt: ago(SESSION_IDLE_TIMEOUT_MS) }));
    const expired = await open(aSession(admin, { createdAt: ago(HOUR), expiresAt: now }));
    const revokedIdle = await open(aSession(admin, { createdAt: ago(13 * HOUR) }));
    await transactions.run((tx) => store.revoke(tx, revokedIdle.id, ago(13 * HOUR)));

    expect(await transactions.run((tx) => store.purgeExpired(tx, sessionClock(now)))).toBe(3);
    for (const gone of [idle, expired, revokedIdle]) expect(await stored(gone.id)).toBeUndefined();
    for (const kept of [live, revokedRecently]) expect(await stored(kept.id)).toBeDefined();
    expect(await transactions.run((tx) => store.purgeExpired(tx, sessionClock(now)))).toBe(0);
  });

  it('leaves nothing behind when the transaction that opened a session rolls back', async () => {
    const admin = await anAdmin();
    const session = aSession(admin);
    await expect(
      transactions.run(async (tx) => {
        await store.open(tx, session);
        throw new Error('abandoned');
      }),
    ).rejects.toThrow('abandoned');
    expect(await stored(session.id)).toBeUndefined();
  });
});
