import { statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import { AdminClient, type AdminErrorBody } from '../support/admin-client';
import { basicCredentials, requestToken, type OAuthErrorJson } from '../support/oauth-token.client';
import { ERROR_URN, aPatch, aScimUser, type ScimErrorResponse } from '../support/scim-user.builder';
import { ScimUsers, SCIM_JSON } from '../support/scim-users.client';
import { TcpProxy } from '../support/tcp-proxy';
import { TestApi, type TestOrganization } from '../support/test-api';
import { createTestDatabase, testDialect } from '../support/test-database';

// Database trouble as an operator meets it: PostgreSQL going away for a few seconds, a table
// lock held by another client, another process holding SQLite's write lock. Every request
// meanwhile gets a 503 with Retry-After in its edge's shape (never a 500, never a hang),
// /health says the instance is not ready while it cannot serve, and nothing that was
// acknowledged is lost once the database is back.

jest.setTimeout(60_000);

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Outcome {
  phase: 'before' | 'during' | 'after';
  request: string;
  status: number;
  retryAfter: string | null;
  body: string;
}

async function outcome(
  phase: Outcome['phase'],
  request: string,
  send: () => Promise<Response>,
): Promise<Outcome> {
  try {
    const response = await send();
    return {
      phase,
      request,
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
      body: await response.text(),
    };
  } catch (error) {
    // The API itself must never drop the connection: a thrown fetch is a failure too.
    return { phase, request, status: 0, retryAfter: null, body: String(error) };
  }
}

/** A 503 in the SCIM envelope with a Retry-After, as Entra's provisioning service reads it. */
function expectScim503(result: Outcome): void {
  expect({ request: result.request, status: result.status }).toEqual({
    request: result.request,
    status: 503,
  });
  expect(Number(result.retryAfter)).toBeGreaterThan(0);
  const body = JSON.parse(result.body) as ScimErrorResponse;
  expect(body).toMatchObject({ schemas: [ERROR_URN], status: '503' });
  expect(body.detail).not.toMatch(/SQLITE|ECONN|timeout|\n\s+at /i);
}

async function health(api: TestApi): Promise<number> {
  return (await fetch(`${api.baseUrl}/health`)).status;
}

async function untilHealthy(api: TestApi): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    if ((await health(api)) === 200) return;
    await pause(200);
  }
  throw new Error('/health never came back to 200');
}

async function metric(api: TestApi, pattern: RegExp): Promise<number> {
  const text = await (await fetch(`${api.baseUrl}/metrics`)).text();
  return text
    .split('\n')
    .filter((line) => pattern.test(line))
    .reduce((sum, line) => sum + Number(line.split(' ').at(-1)), 0);
}

if (testDialect() === 'postgres') {
  describe('PostgreSQL trouble', () => {
    let api: TestApi;
    let proxy: TcpProxy;
    let directUrl: string;
    let org: TestOrganization;
    let users: ScimUsers;
    let admin: AdminClient;

    beforeAll(async () => {
      const database = await createTestDatabase();
      directUrl = database.env['DATABASE_URL'] ?? '';
      const direct = new URL(directUrl);
      proxy = await TcpProxy.start(direct.hostname, Number(direct.port || 5432));
      const proxied = new URL(directUrl);
      proxied.port = String(proxy.port);
      api = await TestApi.start(
        {
          DATABASE_URL: proxied.toString(),
          DATABASE_POOL_ACQUIRE_TIMEOUT_MS: '1000',
          DATABASE_STATEMENT_TIMEOUT_MS: '3000',
          DATABASE_LOCK_TIMEOUT_MS: '500',
          // Four Entra-like workers outrun the per-credential limit (200 a second); this suite
          // is about the database, and a 429 in the last moments would read as a failure.
          SCIM_RATE_LIMIT_PER_SECOND: '0',
        },
        database,
      );
      org = await api.createOrganization('Outage Org');
      users = new ScimUsers(api, org.scimToken);
      admin = await AdminClient.signIn(api, org);
    });

    afterAll(async () => {
      await api?.stop();
      await proxy?.stop();
    });

    it('answers 503 + Retry-After (never 500) through an outage, is not ready meanwhile, and loses no acknowledged write', async () => {
      const seeded = await Promise.all(Array.from({ length: 60 }, () => users.create(aScimUser())));
      let phase: Outcome['phase'] = 'before';
      let running = true;
      let next = 0;
      const outcomes: Outcome[] = [];
      const created: string[] = [];
      const deactivated: string[] = [];

      // Entra-like: creates, deactivations of existing users, lookups by userName.
      const worker = async () => {
        while (running) {
          const body = aScimUser();
          const post = await outcome(phase, 'POST /Users', () => users.post(body));
          outcomes.push(post);
          if (post.status === 201) created.push((JSON.parse(post.body) as { id: string }).id);
          const target = seeded[next++ % seeded.length];
          if (target) {
            const patch = await outcome(phase, 'PATCH /Users/{id}', () =>
              users.patch(target.id, aPatch({ op: 'Replace', path: 'active', value: false })),
            );
            outcomes.push(patch);
            if (patch.status === 200) deactivated.push(target.id);
          }
          const userName = String(body['userName']);
          outcomes.push(
            await outcome(phase, 'GET /Users?filter', () =>
              users.query({ filter: `userName eq "${userName}"` }),
            ),
          );
        }
      };
      const workers = Array.from({ length: 4 }, () => worker());

      await pause(800);
      proxy.cutOff();
      phase = 'during';
      await pause(1500);
      const healthDuring = await health(api);
      const adminDuring = await outcome('during', 'GET /api/users', () => admin.get('/api/users'));
      const tokenDuring = await outcome('during', 'POST /oauth/token', () =>
        requestToken(
          api,
          { grant_type: 'client_credentials', scope: 'scim' },
          { Authorization: basicCredentials('rc_unknown_client', 'not-a-real-secret') },
        ),
      );
      await pause(1000);
      proxy.restore();
      phase = 'after';
      await untilHealthy(api);
      await pause(800);
      running = false;
      await Promise.all(workers);

      // Nothing but 503s for the outage: no 500, no dropped connection.
      const failures = outcomes.filter((o) => o.status >= 500 || o.status === 0);
      expect(failures.filter((o) => o.status !== 503)).toEqual([]);
      expect(failures.length).toBeGreaterThan(0);
      for (const failure of failures) expectScim503(failure);
      expect(healthDuring).toBe(503);

      // Each edge in its own shape.
      expect(adminDuring.status).toBe(503);
      expect(Number(adminDuring.retryAfter)).toBeGreaterThan(0);
      expect(JSON.parse(adminDuring.body) as AdminErrorBody).toMatchObject({
        statusCode: 503,
        code: 'DATABASE_UNAVAILABLE',
      });
      expect(tokenDuring.status).toBe(503);
      expect(Number(tokenDuring.retryAfter)).toBeGreaterThan(0);
      expect(JSON.parse(tokenDuring.body) as OAuthErrorJson).toMatchObject({
        error: 'temporarily_unavailable',
      });

      // Back to normal afterwards.
      const lastAfter = outcomes.filter((o) => o.phase === 'after').slice(-6);
      expect(lastAfter.length).toBeGreaterThan(0);
      for (const o of lastAfter) expect([200, 201]).toContain(o.status);

      // Every acknowledged write is there.
      for (const id of created)
        expect({ id, status: (await users.fetch(id)).status }).toEqual({
          id,
          status: 200,
        });
      for (const id of new Set(deactivated)) {
        expect({ id, active: (await users.get(id)).active }).toEqual({ id, active: false });
      }

      expect(await metric(api, /^rollcall_database_unavailable_total\{edge="scim"/)).toBe(
        failures.length,
      );
      expect(await metric(api, /^rollcall_database_unavailable_total\{edge="api"/)).toBe(1);
      expect(await metric(api, /^rollcall_database_unavailable_total\{edge="oauth"/)).toBe(1);
    });

    it('is not ready, and answers 503, while the database accepts connections but does not answer', async () => {
      await untilHealthy(api);
      const existing = await users.create(aScimUser());
      proxy.stall();
      let status: { health: number; read: Outcome };
      try {
        const [health503, read] = await Promise.all([
          health(api),
          outcome('during', 'GET /Users/{id}', () => users.fetch(existing.id)),
        ]);
        status = { health: health503, read };
      } finally {
        proxy.restore();
      }
      expect(status.health).toBe(503);
      expectScim503(status.read);
      await untilHealthy(api);
      expect((await users.fetch(existing.id)).status).toBe(200);
    });

    it('answers 503 within the lock timeout while another client holds a table lock, and /health notices', async () => {
      await untilHealthy(api);
      const existing = await users.create(aScimUser());
      let blockedCount = 0;
      const locker = new Client({ connectionString: directUrl });
      await locker.connect();
      try {
        await locker.query('BEGIN');
        await locker.query('LOCK TABLE users IN ACCESS EXCLUSIVE MODE');
        const blocked = await Promise.all([
          ...Array.from({ length: 4 }, () =>
            outcome('during', 'POST /Users', () => users.post(aScimUser())),
          ),
          outcome('during', 'GET /Users/{id}', () => users.fetch(existing.id)),
          outcome('during', 'PATCH /Users/{id}', () =>
            users.patch(existing.id, aPatch({ op: 'Replace', path: 'title', value: 'Locked' })),
          ),
        ]);
        for (const result of blocked) expectScim503(result);
        blockedCount = blocked.length;
        expect(await health(api)).toBe(503);
        const adminBlocked = await outcome('during', 'GET /api/users', () =>
          admin.get('/api/users'),
        );
        expect(adminBlocked.status).toBe(503);
        expect(JSON.parse(adminBlocked.body)).toMatchObject({ code: 'DATABASE_UNAVAILABLE' });
      } finally {
        await locker.query('ROLLBACK');
        await locker.end();
      }
      await untilHealthy(api);
      const after = await users.post(aScimUser());
      expect(after.status).toBe(201);
      // The org was known (its token was read): the 503s reach its provisioning log.
      let logged = 0;
      for (let attempt = 0; attempt < 50 && logged < blockedCount; attempt += 1) {
        const page = await admin.json<{ entries: unknown[] }>(
          admin.get('/api/provisioning-log?status=503'),
          200,
        );
        logged = page.entries.length;
        if (logged < blockedCount) await pause(200);
      }
      expect(logged).toBeGreaterThanOrEqual(blockedCount);
      expect(
        await metric(api, /^rollcall_database_unavailable_total\{.*reason="timeout"/),
      ).toBeGreaterThan(0);
    });
  });
} else {
  describe('SQLite with a second writer (a backup tool, the CLI)', () => {
    let api: TestApi;
    let users: ScimUsers;
    let admin: AdminClient;
    let other: Database.Database;

    beforeAll(async () => {
      api = await TestApi.start();
      const org = await api.createOrganization('Busy Org');
      users = new ScimUsers(api, org.scimToken);
      admin = await AdminClient.signIn(api, org);
      other = new Database(join(api.database.env['DATA_DIR'] ?? '', 'rollcall.sqlite'));
      other.pragma('busy_timeout = 0');
    });

    afterAll(async () => {
      if (other?.inTransaction) other.exec('ROLLBACK');
      other?.close();
      await api?.stop();
    });

    it('answers writes 503 + Retry-After while the lock stays taken, keeps reads and /health answering, and writes again once it is released', async () => {
      const existing = await users.create(aScimUser());
      other.exec('BEGIN IMMEDIATE');
      let writesSettled = false;
      const writes = Promise.all(
        Array.from({ length: 6 }, () =>
          outcome('during', 'POST /Users', () => users.post(aScimUser())),
        ),
      ).finally(() => (writesSettled = true));
      // While the writes wait for the lock, the event loop is free: health and reads answer.
      await pause(200);
      const healthDuring = await health(api);
      const readDuring = await users.fetch(existing.id);
      const answeredBeforeWrites = !writesSettled;
      const adminWrite = outcome('during', 'POST /api/teams', () =>
        admin.request('POST', '/api/teams', { name: 'During the lock' }),
      );
      for (const result of await writes) expectScim503(result);
      expect({ healthDuring, read: readDuring.status, answeredBeforeWrites }).toEqual({
        healthDuring: 200,
        read: 200,
        answeredBeforeWrites: true,
      });
      const adminResult = await adminWrite;
      expect(adminResult.status).toBe(503);
      expect(Number(adminResult.retryAfter)).toBeGreaterThan(0);
      expect(JSON.parse(adminResult.body)).toMatchObject({
        statusCode: 503,
        code: 'DATABASE_UNAVAILABLE',
      });
      other.exec('ROLLBACK');

      const after = await users.post(aScimUser());
      expect(after.status).toBe(201);
      expect(after.headers.get('content-type')).toMatch(SCIM_JSON);
      expect(
        await metric(api, /^rollcall_database_unavailable_total\{edge="scim",reason="busy"\}/),
      ).toBe(6);
      // The 503s are in the provisioning log once the database takes writes again.
      let logged = 0;
      for (let attempt = 0; attempt < 50 && logged < 6; attempt += 1) {
        const page = await admin.json<{ entries: Array<{ status: number }> }>(
          admin.get('/api/provisioning-log?status=503'),
          200,
        );
        logged = page.entries.length;
        if (logged < 6) await pause(200);
      }
      expect(logged).toBe(6);
    });

    it('keeps the database, its WAL and their directory private to the service account', () => {
      const dir = api.database.env['DATA_DIR'] ?? '';
      const file = join(dir, 'rollcall.sqlite');
      const modes = [dir, file, `${file}-wal`, `${file}-shm`].map((path) => [
        path,
        (statSync(path).mode & 0o777).toString(8),
      ]);
      expect(modes).toEqual([
        [dir, '700'],
        [file, '600'],
        [`${file}-wal`, '600'],
        [`${file}-shm`, '600'],
      ]);
    });

    it('lets a write that was waiting for the lock succeed when the lock is released in time', async () => {
      other.exec('BEGIN IMMEDIATE');
      const write = users.post(aScimUser());
      await pause(500);
      other.exec('COMMIT');
      const response = await write;
      expect(response.status).toBe(201);
      const { id } = (await response.json()) as { id: string };
      expect((await users.fetch(id)).status).toBe(200);
    });
  });
}
