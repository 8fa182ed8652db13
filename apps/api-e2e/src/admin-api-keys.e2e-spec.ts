import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import type {
  AdminUserListView,
  ApiKeyListView,
  CreatedApiKeyView,
  PendingTeamDeletionListView,
  TeamListView,
  TeamSummaryView,
} from '@rollcall/contracts';
import { AdminClient, type AdminErrorBody } from './support/admin-client';
import { ApiProcess, buildApi, runCli } from './support/api-process';
import { aScimUser } from './support/scim-user.builder';
import { TestApi, type TestOrganization } from './support/test-api';
import { createTestDatabase, testDialect, type TestDatabase } from './support/test-database';

jest.setTimeout(60_000);

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
let nextAddress = 1;

describe(`admin API keys on ${testDialect()}`, () => {
  const encryptionKey = randomBytes(32).toString('base64');
  let api: TestApi;
  let org: TestOrganization;
  let admin: AdminClient;
  let other: TestOrganization;
  let otherAdmin: AdminClient;
  /** A second server on the same database, as another replica. */
  let second: TestApi | undefined;

  /** A call with only `Authorization: Bearer <key>`: no cookie, no CSRF header. */
  function withKey(
    key: string,
    method: string,
    path: string,
    body?: unknown,
    on: TestApi = api,
  ): Promise<Response> {
    return fetch(`${on.baseUrl}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${key}`,
        // Each call from its own address, so refusals here never reach the failure limit.
        'X-Forwarded-For': `198.51.100.${(nextAddress++ % 250) + 1}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  async function expectError(
    response: Promise<Response>,
    status: number,
    code: string,
  ): Promise<AdminErrorBody & { raw: string; headers: Headers }> {
    const settled = await response;
    const raw = await settled.text();
    expect({ status: settled.status, raw }).toEqual({ status, raw: expect.any(String) });
    const body = JSON.parse(raw) as AdminErrorBody;
    expect(body.code).toBe(code);
    return { ...body, raw, headers: settled.headers };
  }

  const createKey = (
    client: AdminClient,
    body: { name: string; scope: string; expiresAt?: string },
  ) => client.json<CreatedApiKeyView>(client.request('POST', '/api/api-keys', body), 201);

  const listKeys = async (client: AdminClient = admin) =>
    (await client.json<ApiKeyListView>(client.get('/api/api-keys'), 200)).apiKeys;

  async function scimUser(on: TestOrganization, userName: string): Promise<string> {
    const response = await api.scim(on.scimToken, 'POST', '/Users', aScimUser({ userName }));
    if (response.status !== 201) throw new Error(`${response.status} ${await response.text()}`);
    return ((await response.json()) as { id: string }).id;
  }

  beforeAll(async () => {
    api = await TestApi.start({ ENCRYPTION_KEY: encryptionKey });
    org = await api.createOrganization('Keys Org');
    admin = await AdminClient.signIn(api, org);
    other = await api.createOrganization('Other Org');
    otherAdmin = await AdminClient.signIn(api, other);
    await scimUser(org, 'ada@keys.example');
  });

  afterAll(async () => {
    // Closed with the first (on SQLite both share the file's connection); `api` drops the database.
    await second?.app.close();
    await api?.stop();
  });

  it('creates a key shown once, and the key alone reads users and teams (no cookie, no CSRF)', async () => {
    const created = await createKey(admin, { name: '  Billing backend ', scope: 'read' });
    expect(created).toEqual({
      id: expect.any(String),
      name: 'Billing backend',
      scope: 'read',
      key: expect.stringMatching(/^rck_[A-Za-z0-9_-]{43}$/),
      prefix: created.key.slice(0, 12),
      createdAt: expect.any(String),
      expiresAt: null,
    });

    const users = await admin.json<AdminUserListView>(
      withKey(created.key, 'GET', '/api/users'),
      200,
    );
    expect(users.users.map((user) => user.userName)).toEqual(['ada@keys.example']);
    await admin.json<TeamListView>(withKey(created.key, 'GET', '/api/teams'), 200);
    await admin.json<unknown>(withKey(created.key, 'GET', '/api/provisioning-log'), 200);

    const listed = await listKeys();
    const entry = listed.find((key) => key.id === created.id);
    expect(entry).toEqual({
      id: created.id,
      name: 'Billing backend',
      scope: 'read',
      prefix: created.prefix,
      createdBy: org.adminEmail,
      createdAt: created.createdAt,
      lastUsedAt: expect.any(String),
      expiresAt: null,
      status: 'live',
    });
    const raw = await (await admin.get('/api/api-keys')).text();
    expect(raw).not.toContain(created.key);
    expect(raw).not.toContain(sha256(created.key));
  });

  it('refuses changes to a read key (403 INSUFFICIENT_SCOPE, no CSRF asked) and allows its reads', async () => {
    const { key } = await createKey(admin, { name: 'Reader', scope: 'read' });
    const team = await admin.json<TeamSummaryView>(
      admin.request('POST', '/api/teams', { name: 'Read Only Target' }),
      201,
    );
    for (const [method, path, body] of [
      ['POST', '/api/teams', { name: 'Nope' }],
      ['PUT', '/api/group-role-mappings', { groupName: 'Admins', role: 'admin' }],
      ['DELETE', '/api/group-role-mappings/Admins', undefined],
      ['DELETE', `/api/teams/${team.id}`, undefined],
      ['POST', `/api/teams/${team.id}/resources`, { kind: 'monitor', name: 'm' }],
    ] as const) {
      await expectError(withKey(key, method, path, body), 403, 'INSUFFICIENT_SCOPE');
    }
    expect((await withKey(key, 'GET', `/api/teams/${team.id}`)).status).toBe(200);
    expect((await withKey(key, 'HEAD', '/api/teams')).status).toBe(200);
    expect((await withKey(key, 'GET', '/api/group-role-mappings')).status).toBe(200);
    // Nothing changed.
    const teams = await admin.json<TeamListView>(admin.get('/api/teams'), 200);
    expect(teams.teams.map((t) => t.name)).toEqual(['Read Only Target']);
  });

  it('a read_write key deletes and restores a team, recorded as api_key:<name>', async () => {
    // Kept for a while, so the deletion can be undone.
    await admin.json<unknown>(
      admin.request('PATCH', '/api/organization/settings', { deletedTeamRetentionDays: 7 }),
      200,
    );
    const { key } = await createKey(admin, { name: 'Sync job', scope: 'read_write' });
    const team = await admin.json<TeamSummaryView>(
      withKey(key, 'POST', '/api/teams', { name: 'Made By Key' }),
      201,
    );
    await admin.json<unknown>(withKey(key, 'DELETE', `/api/teams/${team.id}`), 200);
    const pending = await admin.json<PendingTeamDeletionListView>(
      withKey(key, 'GET', '/api/teams/deleted'),
      200,
    );
    expect(pending.teams.find((t) => t.team.id === team.id)?.deletedBy).toBe('api_key:Sync job');
    const restored = await admin.json<TeamSummaryView>(
      withKey(key, 'POST', `/api/teams/${team.id}/restore`),
      200,
    );
    expect(restored.name).toBe('Made By Key');
  });

  it('answers a session-only endpoint 403 SESSION_REQUIRED to a key, even a read_write one', async () => {
    const { key, id } = await createKey(admin, { name: 'Not an admin', scope: 'read_write' });
    for (const [method, path, body] of [
      ['GET', '/api/api-keys', undefined],
      ['POST', '/api/api-keys', { name: 'Minted by a key', scope: 'read_write' }],
      ['DELETE', `/api/api-keys/${id}`, undefined],
      ['GET', '/api/sso', undefined],
      ['GET', '/api/scim/tokens', undefined],
      ['POST', '/api/scim/tokens', undefined],
      ['GET', '/api/organization', undefined],
      ['PATCH', '/api/organization/settings', { deletedTeamRetentionDays: 1 }],
      ['GET', '/api/auth/session', undefined],
      ['POST', '/api/auth/logout', undefined],
    ] as const) {
      const error = await expectError(withKey(key, method, path, body), 403, 'SESSION_REQUIRED');
      expect(error.raw).not.toContain(key);
    }
    // The key is still live: it neither minted a key nor revoked itself.
    expect((await listKeys()).filter((k) => k.name === 'Minted by a key')).toEqual([]);
    expect((await listKeys()).find((k) => k.id === id)?.status).toBe('live');
  });

  it('uses the bearer when a request also carries a session cookie', async () => {
    const { key } = await createKey(admin, { name: 'Both', scope: 'read' });
    const both = (bearer: string) =>
      fetch(`${api.baseUrl}/api/teams`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${bearer}`,
          Cookie: admin.cookie,
          'X-CSRF-Token': admin.csrfToken,
          'Content-Type': 'application/json',
        },
        body: JSON.stringify({ name: 'Via cookie?' }),
      });
    await expectError(both(key), 403, 'INSUFFICIENT_SCOPE');
    await expectError(both(`rck_${randomBytes(32).toString('base64url')}`), 401, 'INVALID_API_KEY');
    // The session alone still works, with its CSRF header as before.
    await admin.json<TeamSummaryView>(
      admin.request('POST', '/api/teams', { name: 'Via cookie' }),
      201,
    );
    await admin.error(
      admin.request('POST', '/api/teams', { name: 'x' }, { csrf: false }),
      403,
      'CSRF_TOKEN_INVALID',
    );
  });

  it('refuses bearers that are not live keys with 401 INVALID_API_KEY and a Bearer challenge', async () => {
    for (const bearer of [
      `rck_${randomBytes(32).toString('base64url')}`,
      randomBytes(24).toString('hex'),
      org.scimToken,
    ]) {
      const error = await expectError(withKey(bearer, 'GET', '/api/users'), 401, 'INVALID_API_KEY');
      expect(error.headers.get('www-authenticate')).toMatch(/^Bearer\b/);
      expect(error.raw).not.toContain(bearer);
    }
    const empty = await fetch(`${api.baseUrl}/api/users`, { headers: { Authorization: 'Bearer' } });
    expect(empty.status).toBe(401);
  });

  it('a revoked key is refused at once, by this server and by another one on the same database', async () => {
    const { key, id } = await createKey(admin, { name: 'Short lived', scope: 'read' });
    const replica = await TestApi.start({ ENCRYPTION_KEY: encryptionKey }, api.database);
    second = replica;
    // Both servers have the key cached.
    for (const on of [api, replica, api, replica]) {
      expect((await withKey(key, 'GET', '/api/users', undefined, on)).status).toBe(200);
    }
    expect((await admin.request('DELETE', `/api/api-keys/${id}`)).status).toBe(204);
    for (const on of [api, replica]) {
      await expectError(withKey(key, 'GET', '/api/users', undefined, on), 401, 'INVALID_API_KEY');
    }
    // Idempotent for this organization, not found for another one.
    expect((await admin.request('DELETE', `/api/api-keys/${id}`)).status).toBe(204);
    await otherAdmin.error(
      otherAdmin.request('DELETE', `/api/api-keys/${id}`),
      404,
      'API_KEY_NOT_FOUND',
    );
    expect((await listKeys()).find((k) => k.id === id)?.status).toBe('revoked');
  });

  it('refuses an expired key, and a key created already expired', async () => {
    await admin.error(
      admin.request('POST', '/api/api-keys', {
        name: 'Past',
        scope: 'read',
        expiresAt: '2000-01-01T00:00:00Z',
      }),
      400,
      'API_KEY_EXPIRY_INVALID',
    );
    const created = await createKey(admin, {
      name: 'Expiring',
      scope: 'read',
      expiresAt: '2999-01-01T00:00:00.000Z',
    });
    expect(created.expiresAt).toBe('2999-01-01T00:00:00.000Z');
    // Its expiry comes: moved into the past in the table, before the key is ever used.
    const dataSource = api.app.get(DataSource);
    const past =
      testDialect() === 'postgres' ? new Date('2001-01-01T00:00:00Z') : '2001-01-01 00:00:00.000';
    await dataSource.query(
      `UPDATE api_keys SET expires_at = ${testDialect() === 'postgres' ? '$1' : '?'} WHERE id = ${testDialect() === 'postgres' ? '$2' : '?'}`,
      [past, created.id],
    );
    await expectError(withKey(created.key, 'GET', '/api/users'), 401, 'INVALID_API_KEY');
    expect((await listKeys()).find((k) => k.id === created.id)?.status).toBe('expired');
  });

  it('never lets a key of one organization see another', async () => {
    const theirUser = await scimUser(other, 'bob@other.example');
    const { key } = await createKey(admin, { name: 'Org A only', scope: 'read_write' });
    const theirTeam = await otherAdmin.json<TeamSummaryView>(
      otherAdmin.request('POST', '/api/teams', { name: 'Their Team' }),
      201,
    );
    await expectError(withKey(key, 'GET', `/api/users/${theirUser}`), 404, 'USER_NOT_FOUND');
    await expectError(withKey(key, 'GET', `/api/teams/${theirTeam.id}`), 404, 'TEAM_NOT_FOUND');
    await expectError(withKey(key, 'DELETE', `/api/teams/${theirTeam.id}`), 404, 'TEAM_NOT_FOUND');
    const users = await admin.json<AdminUserListView>(withKey(key, 'GET', '/api/users'), 200);
    expect(users.users.map((u) => u.userName)).not.toContain('bob@other.example');
    const teams = await admin.json<TeamListView>(withKey(key, 'GET', '/api/teams'), 200);
    expect(teams.teams.map((t) => t.name)).not.toContain('Their Team');
    // Nor its keys.
    expect((await listKeys(otherAdmin)).map((k) => k.name)).not.toContain('Org A only');
  });

  it('validates what it is given: names, scopes, duplicates among live keys', async () => {
    for (const body of [
      {},
      { name: 'x', scope: 'admin' },
      { name: '', scope: 'read' },
      { name: 'x'.repeat(101), scope: 'read' },
      { name: 'x', scope: 'read', expiresAt: 'tomorrow' },
    ]) {
      await admin.error(admin.request('POST', '/api/api-keys', body), 400, 'BAD_REQUEST');
    }
    await admin.error(
      admin.request('POST', '/api/api-keys', { name: '   ', scope: 'read' }),
      400,
      'API_KEY_NAME_INVALID',
    );
    const first = await createKey(admin, { name: 'Twice', scope: 'read' });
    await admin.error(
      admin.request('POST', '/api/api-keys', { name: 'Twice', scope: 'read_write' }),
      409,
      'API_KEY_NAME_TAKEN',
    );
    // Another organization may use the name, and a revoked key frees it.
    await createKey(otherAdmin, { name: 'Twice', scope: 'read' });
    expect((await admin.request('DELETE', `/api/api-keys/${first.id}`)).status).toBe(204);
    await createKey(admin, { name: 'Twice', scope: 'read_write' });
    // Key management needs the CSRF header like any session write.
    await admin.error(
      admin.request('POST', '/api/api-keys', { name: 'No csrf', scope: 'read' }, { csrf: false }),
      403,
      'CSRF_TOKEN_INVALID',
    );
  });

  it('answers 429 with Retry-After once one address presents too many refused keys', async () => {
    const bearer = `rck_${randomBytes(32).toString('base64url')}`;
    const from = (address: string) =>
      fetch(`${api.baseUrl}/api/users`, {
        headers: { Authorization: `Bearer ${bearer}`, 'X-Forwarded-For': address },
      });
    const statuses: number[] = [];
    for (let i = 0; i < 40; i += 1) statuses.push((await from('192.0.2.77')).status);
    expect(statuses[0]).toBe(401);
    expect(statuses).toContain(429);
    const limited = await from('192.0.2.77');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    // Another address is not affected.
    expect((await from('192.0.2.78')).status).toBe(401);
  });

  it('documents the api-key scheme and marks the endpoints that accept it', async () => {
    const document = (await (await fetch(`${api.baseUrl}/api/docs-json`)).json()) as {
      components: { securitySchemes: Record<string, { type: string; scheme?: string }> };
      paths: Record<string, Record<string, Record<string, unknown>>>;
    };
    expect(document.components.securitySchemes['api-key']).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
    for (const [path, method] of [
      ['/api/users', 'get'],
      ['/api/teams', 'post'],
      ['/api/teams/{id}/restore', 'post'],
      ['/api/provisioning-log', 'get'],
      ['/api/group-role-mappings', 'put'],
    ] as const) {
      expect({ path, accepts: document.paths[path]?.[method]?.['x-accepts-api-key'] }).toEqual({
        path,
        accepts: true,
      });
      // Either credential satisfies the operation (OpenAPI: alternatives in `security`).
      expect(document.paths[path]?.[method]?.['security']).toEqual(
        expect.arrayContaining([{ rollcall_session: [] }, { 'api-key': [] }]),
      );
    }
    for (const [path, method] of [
      ['/api/api-keys', 'post'],
      ['/api/sso', 'get'],
      ['/api/organization', 'get'],
    ] as const) {
      expect(document.paths[path]?.[method]).toBeDefined();
      expect(document.paths[path]?.[method]?.['x-accepts-api-key']).toBeUndefined();
      expect(document.paths[path]?.[method]?.['security']).toEqual([{ rollcall_session: [] }]);
    }
  });
});

describe(`admin API keys in the logs of the built server on ${testDialect()}`, () => {
  let database: TestDatabase;
  let server: ApiProcess | undefined;

  beforeAll(async () => {
    buildApi();
    database = await createTestDatabase();
  }, 300_000);

  afterAll(async () => {
    await server?.kill();
    await database?.drop();
  });

  it('never writes a key or its hash, even at debug level and on refusals', async () => {
    const env = {
      ...database.env,
      ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      LOG_LEVEL: 'debug',
    };
    const cli = await runCli(['org:create', 'Logged Org', '--json'], env);
    const org = JSON.parse(cli.stdout.trim().split('\n').pop() ?? '{}') as TestOrganization;
    server = await ApiProcess.start(env);
    const admin = await AdminClient.signIn({ baseUrl: server.baseUrl } as TestApi, org);
    const created = await admin.json<CreatedApiKeyView>(
      admin.request('POST', '/api/api-keys', { name: 'Logged', scope: 'read' }),
      201,
    );
    const call = (method: string, path: string) =>
      fetch(`${server?.baseUrl}${path}`, {
        method,
        headers: { Authorization: `Bearer ${created.key}`, 'Content-Type': 'application/json' },
        body: method === 'GET' ? undefined : '{}',
      });
    expect((await call('GET', '/api/users')).status).toBe(200);
    expect((await call('POST', '/api/teams')).status).toBe(403);
    expect((await call('GET', '/api/api-keys')).status).toBe(403);
    expect((await admin.request('DELETE', `/api/api-keys/${created.id}`)).status).toBe(204);
    const refused = await call('GET', '/api/users');
    expect(refused.status).toBe(401);
    // The access line of the last request is written: everything before it is too.
    const requestId = refused.headers.get('x-request-id');
    expect(requestId).toBeTruthy();
    await server.waitForOutput(new RegExp(String(requestId)));

    const output = server.stdoutAndStderr;
    expect(output).toContain('/api/users');
    expect(output).not.toContain(created.key);
    expect(output).not.toContain(created.key.slice(4));
    expect(output).not.toContain(sha256(created.key));
  });
});
