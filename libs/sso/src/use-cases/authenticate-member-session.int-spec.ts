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
import { UserLookup } from '@rollcall/directory';
import { OrganizationLookup } from '@rollcall/organizations';
import { generateSessionSecret, sessionIdOf } from '../domain/session.secret';
import { MemberSessionStore } from '../persistence/member-session.store';
import { AuthenticateMemberSession } from './authenticate-member-session.use-case';

// A member session's check on a real database (SQLite, or PostgreSQL with TEST_DB=postgres):
// the user's standing is read on every request, so deactivation ends the session at once, and
// the check is one read of the session, one of the user and one of the organization.

const MINUTE = 60_000;

let database: FreshDatabase;
let dataSource: DataSource;
let values: SqlValues;
let store: MemberSessionStore;
let transactions: Transactions;
let authenticate: AuthenticateMemberSession;
const p = (n: number) => (values.dialect === 'postgres' ? `$${n}` : '?');

async function aUser(organizationId: string): Promise<string> {
  const id = randomUUID();
  const now = values.timestamp(new Date());
  await dataSource.query(
    `INSERT INTO users (id, organization_id, user_name, user_name_normalized, active, source,
       resource, version, created_at, updated_at)
     VALUES (${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)}, 'scim', '{}', 1, ${p(6)}, ${p(7)})`,
    [
      id,
      organizationId,
      `Ada-${id}@example.com`,
      `ada-${id}@example.com`,
      values.bool(true),
      now,
      now,
    ],
  );
  return id;
}

/** A session's cookie secret, opened `ago` milliseconds ago. */
async function aSession(userId: string, organizationId: string, ago = 0): Promise<string> {
  const { secret, id } = generateSessionSecret();
  const createdAt = new Date(Date.now() - ago);
  await transactions.run((tx) =>
    store.open(tx, {
      id,
      userId,
      organizationId,
      csrfToken: `csrf-${id.slice(0, 16)}`,
      createdAt,
      expiresAt: new Date(createdAt.getTime() + 24 * 60 * MINUTE),
    }),
  );
  return secret;
}

async function lastSeen(secret: string): Promise<Date | null> {
  const rows: { last_seen_at: unknown }[] = await dataSource.query(
    `SELECT last_seen_at FROM member_sessions WHERE id = ${p(1)}`,
    [sessionIdOf(secret)],
  );
  return values.readDateOrNull(rows[0]?.last_seen_at);
}

beforeAll(async () => {
  database = await createFreshDatabase();
  dataSource = await new DataSource(buildDataSourceOptions(database.config)).initialize();
  await runMigrations(dataSource);
  values = sqlValues(dialectOf(dataSource));
  store = new MemberSessionStore(dataSource);
  transactions = new Transactions(dataSource);
  authenticate = new AuthenticateMemberSession(
    store,
    new UserLookup(dataSource),
    new OrganizationLookup(dataSource),
  );
});

afterAll(async () => {
  await dataSource?.destroy();
  await database?.drop();
});

afterEach(() => jest.restoreAllMocks());

describe('AuthenticateMemberSession', () => {
  it('answers the member, their organization and the CSRF token in three reads', async () => {
    const organizationId = await insertOrganization(dataSource);
    const userId = await aUser(organizationId);
    const secret = await aSession(userId, organizationId);
    const query = jest.spyOn(dataSource.manager, 'query');
    const member = await authenticate.execute(secret);
    expect(query).toHaveBeenCalledTimes(3);
    expect(member).toEqual({
      sessionId: sessionIdOf(secret),
      csrfToken: `csrf-${sessionIdOf(secret).slice(0, 16)}`,
      user: { id: userId, userName: `Ada-${userId}@example.com` },
      organization: {
        id: organizationId,
        name: `Org ${organizationId}`,
        slug: `org-${organizationId}`,
      },
    });
  });

  it('refuses the session as soon as the user is deactivated, and again when reactivated', async () => {
    const organizationId = await insertOrganization(dataSource);
    const userId = await aUser(organizationId);
    const secret = await aSession(userId, organizationId);
    const setActive = (active: boolean) =>
      dataSource.query(`UPDATE users SET active = ${p(1)} WHERE id = ${p(2)}`, [
        values.bool(active),
        userId,
      ]);
    await setActive(false);
    expect(await authenticate.execute(secret)).toBeNull();
    await setActive(true);
    expect(await authenticate.execute(secret)).not.toBeNull();
  });

  it('refuses a session whose user is not in its organization (or no longer exists)', async () => {
    const organizationId = await insertOrganization(dataSource);
    const elsewhere = await insertOrganization(dataSource);
    const userId = await aUser(elsewhere);
    // The directory answers nothing for this user in the session's organization, exactly as
    // it does for a user deleted between the two reads.
    expect(await authenticate.execute(await aSession(userId, organizationId))).toBeNull();
  });

  it('refuses what is not a live session without reading further', async () => {
    const organizationId = await insertOrganization(dataSource);
    const userId = await aUser(organizationId);
    const secret = await aSession(userId, organizationId);
    await store.revoke(sessionIdOf(secret), new Date());
    const query = jest.spyOn(dataSource.manager, 'query');
    expect(await authenticate.execute(secret)).toBeNull();
    expect(await authenticate.execute(generateSessionSecret().secret)).toBeNull();
    expect(query).toHaveBeenCalledTimes(2);
    expect(await authenticate.execute('not-a-secret')).toBeNull();
    expect(await authenticate.execute(undefined)).toBeNull();
    expect(query).toHaveBeenCalledTimes(2);
  });

  it('writes last seen only when it is more than a minute old', async () => {
    const organizationId = await insertOrganization(dataSource);
    const userId = await aUser(organizationId);
    const fresh = await aSession(userId, organizationId);
    const before = await lastSeen(fresh);
    await authenticate.execute(fresh);
    expect(await lastSeen(fresh)).toEqual(before);

    const stale = await aSession(userId, organizationId, 5 * MINUTE);
    const old = await lastSeen(stale);
    const query = jest.spyOn(dataSource.manager, 'query');
    await authenticate.execute(stale);
    expect(query).toHaveBeenCalledTimes(4);
    expect((await lastSeen(stale))?.getTime()).toBeGreaterThan((old?.getTime() ?? 0) + MINUTE);
  });
});
