import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { ApiProcess, buildApi, runCli } from './support/api-process';
import { createTestDatabase, testDialect, type TestDatabase } from './support/test-database';

/** A PostgreSQL-only case is not defined at all on SQLite (rather than reported skipped). */
function notOnThisDatabase(..._definition: unknown[]): void {
  return undefined;
}

// Two replicas of the built server on one database, as behind a load balancer, each caching
// which credential belongs to which organization: a credential revoked through one (or the
// CLI) is refused by the other on its very next request, with no waiting in between.

jest.setTimeout(120_000);

const ADMIN_URL = process.env['TEST_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const LISTENER = 'rollcall-cache-listener';

interface Organization {
  orgId: string;
  scimToken: string;
  adminEmail: string;
  adminPassword: string;
}

interface Session {
  api: ApiProcess;
  cookie: string;
  csrfToken: string;
}

let database: TestDatabase;
let env: Record<string, string>;
let a: ApiProcess | undefined;
let b: ApiProcess | undefined;

function replicas(): [ApiProcess, ApiProcess] {
  if (!a || !b) throw new Error('replicas not started');
  return [a, b];
}

async function newOrganization(name: string): Promise<Organization> {
  const result = await runCli(['org:create', name, '--json'], env);
  if (result.code !== 0) throw new Error(`org:create failed: ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').pop() ?? '') as Organization;
}

async function signIn(api: ApiProcess, org: Organization): Promise<Session> {
  const response = await fetch(`${api.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: org.adminEmail, password: org.adminPassword }),
  });
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status}`);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const cookie = response.headers
    .getSetCookie()
    .find((c) => c.startsWith('rollcall_session='))
    ?.split(';')[0];
  if (!cookie) throw new Error('expected a session cookie');
  return { api, cookie, csrfToken };
}

async function admin<T>(
  session: Session,
  method: string,
  path: string,
  status: number,
  body?: unknown,
): Promise<T> {
  const response = await fetch(`${session.api.baseUrl}${path}`, {
    method,
    headers: {
      Cookie: session.cookie,
      'X-CSRF-Token': session.csrfToken,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status !== status) {
    throw new Error(`${method} ${path}: expected ${status}, got ${response.status}: ${text}`);
  }
  return (text === '' ? undefined : JSON.parse(text)) as T;
}

/** The status of a cheap SCIM read with `bearer`. */
async function scimStatus(api: ApiProcess, bearer: string): Promise<number> {
  const response = await fetch(`${api.baseUrl}/scim/v2/Users?count=1`, {
    headers: { Authorization: `Bearer ${bearer}` },
  });
  await response.arrayBuffer();
  return response.status;
}

/** Used on both replicas (twice each, so each has it cached) and accepted. */
async function inUse(bearer: string): Promise<void> {
  for (const api of [...replicas(), ...replicas()]) expect(await scimStatus(api, bearer)).toBe(200);
}

async function tokenId(session: Session, token: string): Promise<string> {
  const { tokens } = await admin<{
    tokens: { id: string; prefix: string; revokedAt: string | null }[];
  }>(session, 'GET', '/api/scim/tokens', 200);
  const match = tokens.find((t) => token.startsWith(t.prefix) && t.revokedAt === null);
  if (!match) throw new Error('token not listed');
  return match.id;
}

async function accessToken(api: ApiProcess, clientId: string, secret: string): Promise<string> {
  const response = await fetch(`${api.baseUrl}/oauth/token`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`,
    },
    body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'scim' }).toString(),
  });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`token request: ${response.status} ${text}`);
  return (JSON.parse(text) as { access_token: string }).access_token;
}

async function onAdminConnection<T>(
  work: (client: Client, name: string) => Promise<T>,
): Promise<T> {
  const name = new URL(env['DATABASE_URL'] ?? '').pathname.slice(1);
  const client = new Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await work(client, name);
  } finally {
    await client.end();
  }
}

/** Waits until both replicas listen for invalidations (PostgreSQL), so they cache. */
async function listening(): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    const count = await onAdminConnection(async (client, name) => {
      const result = await client.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity
         WHERE datname = $1 AND application_name = $2 AND query LIKE 'LISTEN%'`,
        [name, LISTENER],
      );
      return (result.rows[0] as { n: number }).n;
    });
    if (count >= 2) return;
    await new Promise((done) => setTimeout(done, 50));
  }
  throw new Error('the replicas never listened');
}

/** Ends the cache listener connections of every replica (PostgreSQL). */
function terminateListeners(): Promise<number> {
  return onAdminConnection(async (client, name) => {
    const result = await client.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
       WHERE datname = $1 AND application_name = $2`,
      [name, LISTENER],
    );
    return result.rowCount ?? 0;
  });
}

beforeAll(async () => {
  buildApi();
  database = await createTestDatabase();
  env = { ...database.env, ENCRYPTION_KEY: randomBytes(32).toString('base64') };
  // One after the other: the first sets the empty database up, as in a rolling deployment.
  a = await ApiProcess.start(env);
  b = await ApiProcess.start(env);
}, 300_000);

afterAll(async () => {
  await Promise.all([a, b].map((api) => api?.kill()));
  await database?.drop();
});

describe(`credential revocation across two replicas on ${testDialect()}`, () => {
  it('a Secret Token revoked through one replica is refused by the other on its next request', async () => {
    const org = await newOrganization('Revoke Token');
    await inUse(org.scimToken);
    const [first, second] = replicas();
    const session = await signIn(first, org);
    await admin(
      session,
      'DELETE',
      `/api/scim/tokens/${await tokenId(session, org.scimToken)}`,
      204,
    );
    expect(await scimStatus(second, org.scimToken)).toBe(401);
    expect(await scimStatus(first, org.scimToken)).toBe(401);
  });

  it('provisioning turned off through one replica refuses the org on the other at once, and on again accepts', async () => {
    const org = await newOrganization('Provisioning Off');
    const other = await newOrganization('Unaffected');
    await inUse(org.scimToken);
    await inUse(other.scimToken);
    const [first, second] = replicas();
    const session = await signIn(first, org);
    await admin(session, 'PATCH', '/api/organization/settings', 200, { scimEnabled: false });
    expect(await scimStatus(second, org.scimToken)).toBe(401);
    expect(await scimStatus(second, other.scimToken)).toBe(200);

    await admin(session, 'PATCH', '/api/organization/settings', 200, { scimEnabled: true });
    expect(await scimStatus(second, org.scimToken)).toBe(200);
  });

  it('an OAuth client revoked through one replica ends its access tokens on the other at once', async () => {
    const org = await newOrganization('Revoke Client');
    const [first, second] = replicas();
    const session = await signIn(first, org);
    const client = await admin<{ id: string; clientId: string; clientSecret: string }>(
      session,
      'POST',
      '/api/scim/oauth/clients',
      201,
      { name: 'Entra provisioning' },
    );
    const bearer = await accessToken(second, client.clientId, client.clientSecret);
    expect(await scimStatus(second, bearer)).toBe(200);
    expect(await scimStatus(second, bearer)).toBe(200);
    await admin(session, 'DELETE', `/api/scim/oauth/clients/${client.id}`, 204);
    expect(await scimStatus(second, bearer)).toBe(401);
  });

  it('a Secret Token revoked with the CLI is refused by both running replicas on their next request', async () => {
    const org = await newOrganization('CLI Revoke');
    await inUse(org.scimToken);
    const revoked = await runCli(['token:revoke', org.scimToken.slice(0, 12)], env);
    expect(revoked.code).toBe(0);
    for (const api of replicas()) expect(await scimStatus(api, org.scimToken)).toBe(401);
  });

  (testDialect() === 'postgres' ? it : notOnThisDatabase)(
    'with their invalidation listeners cut off, the replicas still refuse a revoked token at once',
    async () => {
      const org = await newOrganization('Listener Lost');
      // Started by the first SCIM request; until it listens a replica does not cache.
      await scimStatus(replicas()[0], org.scimToken);
      await scimStatus(replicas()[1], org.scimToken);
      await listening();
      await inUse(org.scimToken);
      const [first, second] = replicas();
      const session = await signIn(first, org);
      const id = await tokenId(session, org.scimToken);
      expect(await terminateListeners()).toBe(2);
      await admin(session, 'DELETE', `/api/scim/tokens/${id}`, 204);
      expect(await scimStatus(second, org.scimToken)).toBe(401);
      expect(await scimStatus(first, org.scimToken)).toBe(401);
    },
  );
});
