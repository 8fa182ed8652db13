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
import { AdminLookup, OrganizationLookup } from '@rollcall/organizations';
import { generateSessionSecret, sessionIdOf } from '../domain/session.secret';
import { AdminSessionStore } from '../persistence/admin-session.store';
import { AuthenticateAdminSession } from './authenticate-admin-session.use-case';

// A dashboard session's check on a real database (SQLite, or PostgreSQL with TEST_DB=postgres):
// it runs on every admin-API request, so it is one read of the session, one of the admin and
// one of the organization, plus the last-seen write at most once a minute.

const MINUTE = 60_000;

let database: FreshDatabase;
let dataSource: DataSource;
let values: SqlValues;
let store: AdminSessionStore;
let transactions: Transactions;
let authenticate: AuthenticateAdminSession;
const p = (n: number) => (values.dialect === 'postgres' ? `$${n}` : '?');

async function anAdmin(organizationId: string): Promise<{ id: string; email: string }> {
  const id = randomUUID();
  const email = `Grace-${id}@Example.com`;
  await dataSource.query(
    `INSERT INTO organization_admins (id, organization_id, email, email_normalized, password_hash, created_at)
     VALUES (${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, 'x', ${p(5)})`,
    [id, organizationId, email, email.toLowerCase(), values.timestamp(new Date())],
  );
  return { id, email };
}

/** A session's cookie secret, opened `ago` milliseconds ago. */
async function aSession(adminId: string, organizationId: string, ago = 0): Promise<string> {
  const { secret, id } = generateSessionSecret();
  const createdAt = new Date(Date.now() - ago);
  await transactions.run((tx) =>
    store.open(tx, {
      id,
      adminId,
      organizationId,
      csrfToken: `csrf-${id.slice(0, 16)}`,
      createdAt,
      expiresAt: new Date(createdAt.getTime() + 24 * 60 * MINUTE),
      userAgent: null,
      ipAddress: null,
    }),
  );
  return secret;
}

async function lastSeen(secret: string): Promise<Date | null> {
  const rows: { last_seen_at: unknown }[] = await dataSource.query(
    `SELECT last_seen_at FROM admin_sessions WHERE id = ${p(1)}`,
    [sessionIdOf(secret)],
  );
  return values.readDateOrNull(rows[0]?.last_seen_at);
}

beforeAll(async () => {
  database = await createFreshDatabase();
  dataSource = await new DataSource(buildDataSourceOptions(database.config)).initialize();
  await runMigrations(dataSource);
  values = sqlValues(dialectOf(dataSource));
  store = new AdminSessionStore(dataSource);
  transactions = new Transactions(dataSource);
  authenticate = new AuthenticateAdminSession(
    store,
    new AdminLookup(dataSource),
    new OrganizationLookup(dataSource),
  );
});

afterAll(async () => {
  await dataSource?.destroy();
  await database?.drop();
});

afterEach(() => jest.restoreAllMocks());

describe('AuthenticateAdminSession', () => {
  it('answers the admin, their organization and the CSRF token in three reads', async () => {
    const organizationId = await insertOrganization(dataSource);
    const admin = await anAdmin(organizationId);
    const secret = await aSession(admin.id, organizationId);
    const query = jest.spyOn(dataSource.manager, 'query');
    expect(await authenticate.execute(secret)).toEqual({
      sessionId: sessionIdOf(secret),
      csrfToken: `csrf-${sessionIdOf(secret).slice(0, 16)}`,
      // Inserted without a role: the column's default is the least privilege.
      admin: { ...admin, role: 'viewer' },
      organization: {
        id: organizationId,
        name: `Org ${organizationId}`,
        slug: `org-${organizationId}`,
      },
    });
    expect(query).toHaveBeenCalledTimes(3);
  });

  it('refuses what is not a live session without reading further', async () => {
    const organizationId = await insertOrganization(dataSource);
    const admin = await anAdmin(organizationId);
    const revoked = await aSession(admin.id, organizationId);
    await transactions.run((tx) => store.revoke(tx, sessionIdOf(revoked), new Date()));
    const idle = await aSession(admin.id, organizationId, 13 * 60 * MINUTE);
    const query = jest.spyOn(dataSource.manager, 'query');
    for (const secret of [revoked, idle, generateSessionSecret().secret]) {
      expect(await authenticate.execute(secret)).toBeNull();
    }
    expect(query).toHaveBeenCalledTimes(3);
    expect(await authenticate.execute('tampered')).toBeNull();
    expect(await authenticate.execute(null)).toBeNull();
    expect(query).toHaveBeenCalledTimes(3);
  });

  it('ends with its admin: deleting the admin deletes the session', async () => {
    const organizationId = await insertOrganization(dataSource);
    const admin = await anAdmin(organizationId);
    const secret = await aSession(admin.id, organizationId);
    await dataSource.query(`DELETE FROM organization_admins WHERE id = ${p(1)}`, [admin.id]);
    expect(await authenticate.execute(secret)).toBeNull();
  });

  it('writes last seen only when it is more than a minute old', async () => {
    const organizationId = await insertOrganization(dataSource);
    const admin = await anAdmin(organizationId);
    const fresh = await aSession(admin.id, organizationId);
    const before = await lastSeen(fresh);
    await authenticate.execute(fresh);
    expect(await lastSeen(fresh)).toEqual(before);

    const stale = await aSession(admin.id, organizationId, 5 * MINUTE);
    const old = await lastSeen(stale);
    const query = jest.spyOn(dataSource.manager, 'query');
    expect(await authenticate.execute(stale)).not.toBeNull();
    expect(query).toHaveBeenCalledTimes(4);
    expect((await lastSeen(stale))?.getTime()).toBeGreaterThan((old?.getTime() ?? 0) + MINUTE);
  });
});
