import { randomBytes, randomUUID } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiProcess, buildApi, freePort, runCli, type CliResult } from './support/api-process';
import { createTestDatabase, testDialect, type TestDatabase } from './support/test-database';

// The operator contract (ARCHITECTURE.md): `npm run cli -- …` and `npm start`, run as the
// built processes an operator runs, on SQLite or (TEST_DB=postgres) PostgreSQL.

jest.setTimeout(60_000);

const PUBLIC_URL = 'https://ids.example.test';
const TOKEN = /^rcs_[A-Za-z0-9_-]{43,}$/;

beforeAll(() => {
  buildApi();
}, 300_000);

const databases: TestDatabase[] = [];

afterAll(async () => {
  await Promise.all(databases.map((database) => database.drop()));
});

async function freshDatabase(): Promise<Record<string, string>> {
  const database = await createTestDatabase();
  databases.push(database);
  return database.env;
}

/** A fresh database and a free port, with the Tenant URL pointing at it. */
async function serverEnv(): Promise<Record<string, string>> {
  const port = await freePort();
  return { ...(await freshDatabase()), PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}` };
}

/** Entra's Test Connection against a Tenant URL. */
function testConnection(tenantUrl: string, token: string): Promise<Response> {
  const filter = encodeURIComponent(`userName eq "${randomUUID()}"`);
  return fetch(`${tenantUrl}/Users?filter=${filter}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
}

function logIn(baseUrl: string, email: string, password: string): Promise<Response> {
  return fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
}

/** The one JSON line a --json command prints. */
function jsonLine(result: CliResult): Record<string, unknown> {
  expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' });
  const lines = result.stdout.split('\n');
  expect(lines).toHaveLength(2);
  expect(lines[1]).toBe('');
  return JSON.parse(lines[0] ?? '') as Record<string, unknown>;
}

function expectFailure(result: CliResult, code: number, message: RegExp): void {
  expect(result.code).toBe(code);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(message);
}

describe('npm run cli -- org:create', () => {
  let env: Record<string, string>;

  beforeAll(async () => {
    env = { ...(await freshDatabase()), PUBLIC_URL };
  });

  it('prints exactly one JSON line with the organization, its Tenant URL, token and admin', async () => {
    const created = jsonLine(await runCli(['org:create', 'Acme', '--json'], env));
    expect(Object.keys(created).sort()).toEqual(
      ['adminEmail', 'adminPassword', 'orgId', 'scimBaseUrl', 'scimToken'].sort(),
    );
    expect(created['orgId']).toMatch(/^[0-9a-f-]{36}$/);
    expect(created['scimBaseUrl']).toBe(`${PUBLIC_URL}/scim/v2`);
    expect(created['scimToken']).toMatch(TOKEN);
    expect(created['adminEmail']).toMatch(/^[^\s@]+@[^\s@]+\.[^\s@]+$/);
    expect(String(created['adminPassword']).length).toBeGreaterThanOrEqual(8);
  });

  it('uses the --admin-email and --admin-password given', async () => {
    const created = jsonLine(
      await runCli(
        [
          'org:create',
          'Contoso',
          '--admin-email',
          'it@contoso.example',
          '--admin-password',
          'Str0ng-enough',
          '--json',
        ],
        env,
      ),
    );
    expect(created).toMatchObject({
      adminEmail: 'it@contoso.example',
      adminPassword: 'Str0ng-enough',
      scimBaseUrl: `${PUBLIC_URL}/scim/v2`,
    });
  });

  it('refuses an admin e-mail that already administers an organization', async () => {
    const args = ['org:create', 'Fabrikam', '--admin-email', 'dup@fabrikam.example', '--json'];
    jsonLine(await runCli(args, env));
    expectFailure(await runCli(args, env), 1, /already administers/);
  });

  it('refuses a password shorter than 8 characters', async () => {
    expectFailure(
      await runCli(['org:create', 'Short', '--admin-password', 'short', '--json'], env),
      1,
      /at least 8/,
    );
  });

  it('prints readable text without --json', async () => {
    const result = await runCli(['org:create', 'Readable'], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`SCIM Tenant URL  ${PUBLIC_URL}/scim/v2`);
    expect(result.stdout).toMatch(/Secret Token\s+rcs_[A-Za-z0-9_-]{43,}/);
  });
});

describe('npm run cli -- org:create --invite', () => {
  let env: Record<string, string>;
  let server: ApiProcess;

  beforeAll(async () => {
    env = await serverEnv();
  });

  afterAll(async () => {
    await server?.kill();
  });

  function accept(token: string, password: string): Promise<Response> {
    return fetch(`${server.baseUrl}/api/invitations/${token}/accept`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ password }),
    });
  }

  it('prints the invitation link instead of a password; the link makes the first owner, once', async () => {
    const created = jsonLine(
      await runCli(
        ['org:create', 'Initrode', '--admin-email', 'owner@initrode.example', '--invite', '--json'],
        env,
      ),
    );
    expect(Object.keys(created).sort()).toEqual(
      ['adminEmail', 'invitationLink', 'orgId', 'scimBaseUrl', 'scimToken'].sort(),
    );
    expect(created).toMatchObject({
      adminEmail: 'owner@initrode.example',
      scimBaseUrl: `${env['PUBLIC_URL']}/scim/v2`,
    });
    expect(created['scimToken']).toMatch(TOKEN);
    const link = String(created['invitationLink']);
    expect(link.startsWith(`${env['PUBLIC_URL'] ?? ''}/invitations/`)).toBe(true);
    const token = link.slice(link.lastIndexOf('/') + 1);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    server = await ApiProcess.start(env);
    // No password was made up for the invited owner: nothing signs in before the link is used.
    for (const password of ['', 'undefined', 'null']) {
      expect((await logIn(server.baseUrl, 'owner@initrode.example', password)).status).not.toBe(
        200,
      );
    }
    const preview = await fetch(`${server.baseUrl}/api/invitations/${token}`);
    expect(preview.status).toBe(200);
    expect(await preview.json()).toMatchObject({
      organizationName: 'Initrode',
      email: 'owner@initrode.example',
      role: 'owner',
    });
    // The dashboard page the link opens.
    expect((await fetch(link.replace(env['PUBLIC_URL'] ?? '', server.baseUrl))).status).toBe(200);

    const accepted = await accept(token, 'initrode owner password');
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toMatchObject({
      admin: { email: 'owner@initrode.example', role: 'owner' },
      organization: { id: created['orgId'] },
    });
    expect(
      (await logIn(server.baseUrl, 'owner@initrode.example', 'initrode owner password')).status,
    ).toBe(200);

    // Once.
    expect((await accept(token, 'another password here')).status).toBe(404);
    expect((await fetch(`${server.baseUrl}/api/invitations/${token}`)).status).toBe(404);
    // The access log (LOG_LEVEL=info) saw every request above, and never the token.
    // Four API requests carried the token: two previews, two accepts.
    const logged = () => server.stdoutAndStderr.split('/invitations/:token').length - 1;
    for (let i = 0; i < 100 && logged() < 4; i += 1) {
      await new Promise((wait) => setTimeout(wait, 50));
    }
    expect(logged()).toBe(4);
    expect(server.stdoutAndStderr).not.toContain(token);
  });

  it('keeps the output without --invite unchanged (operator contract)', async () => {
    const created = jsonLine(
      await runCli(
        ['org:create', 'Vandelay', '--admin-email', 'it@vandelay.example', '--json'],
        env,
      ),
    );
    expect(Object.keys(created).sort()).toEqual(
      ['adminEmail', 'adminPassword', 'orgId', 'scimBaseUrl', 'scimToken'].sort(),
    );
  });

  it('refuses --invite together with a password, or without an e-mail', async () => {
    expectFailure(
      await runCli(
        [
          'org:create',
          'Both',
          '--admin-email',
          'a@both.example',
          '--admin-password',
          'Str0ng-enough',
          '--invite',
          '--json',
        ],
        env,
      ),
      2,
      /--invite/,
    );
    expectFailure(await runCli(['org:create', 'Nobody', '--invite', '--json'], env), 2, /--invite/);
  });
});

// One organization's token rotation, step by step, against a server on the same database.
describe('npm run cli -- token:create / token:revoke', () => {
  let env: Record<string, string>;
  let server: ApiProcess;
  let tenantUrl: string;
  let orgId: string;
  let firstToken: string;
  let secondToken: string;

  beforeAll(async () => {
    env = await serverEnv();
    const created = jsonLine(await runCli(['org:create', 'Rotation', '--json'], env));
    orgId = String(created['orgId']);
    firstToken = String(created['scimToken']);
    tenantUrl = String(created['scimBaseUrl']);
    server = await ApiProcess.start(env);
  });

  afterAll(async () => {
    await server.kill();
  });

  it('issues a token the server accepts at once', async () => {
    expect((await testConnection(tenantUrl, firstToken)).status).toBe(200);
  });

  it('issues a second token; both work', async () => {
    const issued = jsonLine(
      await runCli(['token:create', orgId, '--label', 'rotation', '--json'], env),
    );
    secondToken = String(issued['scimToken']);
    expect(secondToken).toMatch(TOKEN);
    expect(issued).toMatchObject({
      orgId,
      tokenPrefix: secondToken.slice(0, 12),
      scimBaseUrl: tenantUrl,
      tokenId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect((await testConnection(tenantUrl, secondToken)).status).toBe(200);
    expect((await testConnection(tenantUrl, firstToken)).status).toBe(200);
  });

  it('refuses a third live token with exit code 1 and a message on stderr', async () => {
    expectFailure(
      await runCli(['token:create', orgId, '--json'], env),
      1,
      /live SCIM tokens; revoke one first/,
    );
  });

  it('revokes the first token by prefix; the server refuses it while the second works', async () => {
    const result = await runCli(['token:revoke', firstToken.slice(0, 12)], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(firstToken.slice(0, 12));
    expect(result.stdout).not.toContain(firstToken);

    const refused = await testConnection(tenantUrl, firstToken);
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toContain('error="invalid_token"');
    expect((await testConnection(tenantUrl, secondToken)).status).toBe(200);
  });

  it('reports a token that is not live with exit code 1', async () => {
    expectFailure(
      await runCli(['token:revoke', firstToken.slice(0, 12)], env),
      1,
      /No live SCIM token/,
    );
  });

  it('issues a token again once a slot is free', async () => {
    const issued = jsonLine(await runCli(['token:create', orgId, '--json'], env));
    expect((await testConnection(tenantUrl, String(issued['scimToken']))).status).toBe(200);
  });

  it('refuses a token for an unknown organization with exit code 1', async () => {
    expectFailure(
      await runCli(['token:create', randomUUID(), '--json'], env),
      1,
      /No such organization/,
    );
  });
});

describe('npm run cli -- usage and configuration errors', () => {
  let env: Record<string, string>;

  beforeAll(async () => {
    env = await freshDatabase();
  });

  it('reads the server configuration from a .env file, under the real environment', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'rollcall-env-'));
    const file = join(directory, '.env');
    writeFileSync(file, 'PUBLIC_URL=https://from-env-file.example\nPORT=4444\n');
    try {
      const fromFile = jsonLine(
        await runCli(['org:create', 'Env File', '--json'], { ...env, ENV_FILE: file }),
      );
      expect(fromFile['scimBaseUrl']).toBe('https://from-env-file.example/scim/v2');
      const overridden = jsonLine(
        await runCli(['org:create', 'Env Wins', '--json'], {
          ...env,
          ENV_FILE: file,
          PUBLIC_URL: 'https://from-environment.example',
        }),
      );
      expect(overridden['scimBaseUrl']).toBe('https://from-environment.example/scim/v2');
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('warns that the Tenant URL is a guess when PUBLIC_URL is not set', async () => {
    const result = await runCli(['org:create', 'No Public Url', '--json'], env);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /PUBLIC_URL is not set: the Tenant URL assumes http:\/\/localhost:3000/,
    );
    const created = JSON.parse(result.stdout) as { scimBaseUrl: string };
    expect(created.scimBaseUrl).toBe('http://localhost:3000/scim/v2');
  });

  it('answers an unknown command with exit code 2 and the usage on stderr', async () => {
    expectFailure(
      await runCli(['org:destroy', 'Acme'], env),
      2,
      /Unknown command "org:destroy"[\s\S]*Usage:/,
    );
  });

  it('answers no command with exit code 2 and the usage', async () => {
    expectFailure(await runCli([], env), 2, /Usage:/);
  });

  it('answers a missing argument with exit code 2', async () => {
    expectFailure(await runCli(['token:create', '--json'], env), 2, /needs an organization id/);
  });

  it('answers an unknown option with exit code 2', async () => {
    const result = await runCli(['org:create', 'Acme', '--colour'], env);
    expectFailure(result, 2, /colour/);
  });

  it('names a bad PORT on stderr and exits non-zero', async () => {
    const result = await runCli(['org:create', 'Acme', '--json'], { ...env, PORT: 'abc' });
    expect(result.code).not.toBe(0);
    expect(result.code).not.toBeNull();
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/PORT/);
  });

  it('names an unsupported DATABASE_URL on stderr without echoing it', async () => {
    const result = await runCli(['org:create', 'Acme', '--json'], {
      ...env,
      DATABASE_URL: 'mysql://root:hunter2@x/db',
    });
    expect(result.code).not.toBe(0);
    expect(result.code).not.toBeNull();
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/DATABASE_URL/);
    expect(result.stderr).not.toContain('hunter2');
  });
});

describe('npm start', () => {
  let env: Record<string, string>;
  let server: ApiProcess | undefined;
  let banner: {
    dashboard: string;
    email: string;
    password: string;
    tenantUrl: string;
    token: string;
  };

  beforeAll(async () => {
    env = await serverEnv();
  });

  afterEach(async () => {
    await server?.kill();
    server = undefined;
  });

  function bannerValue(output: string, label: string): string {
    const match = new RegExp(`^\\s*${label}\\s+(\\S+)\\s*$`, 'm').exec(output);
    if (!match?.[1]) throw new Error(`no "${label}" in:\n${output}`);
    return match[1];
  }

  /** Whatever the process printed by the time it has answered a request. */
  async function settledOutput(api: ApiProcess): Promise<string> {
    expect((await fetch(`${api.baseUrl}/health`)).status).toBe(200);
    await new Promise((done) => setTimeout(done, 200));
    return api.stdoutAndStderr;
  }

  it('creates nothing and prints no credentials when the port is taken', async () => {
    const taken = createServer();
    await new Promise<void>((done) => taken.listen(Number(env['PORT']), '127.0.0.1', done));
    try {
      const failure = await ApiProcess.start(env).then(
        () => new Error('started on a taken port'),
        (error: unknown) => error as Error,
      );
      expect(failure.message).toMatch(/EADDRINUSE|address already in use/);
      expect(failure.message).not.toMatch(/Admin password|Secret Token|rcs_/);
    } finally {
      await new Promise((done) => taken.close(done));
    }
  });

  it('prints the dashboard, admin credentials, Tenant URL and a working Secret Token once listening', async () => {
    server = await ApiProcess.start(env);
    await server.waitForOutput(/Lost password\?/);
    const output = server.stdoutAndStderr;
    // The box comes last, after the line that says the server listens.
    expect(output.indexOf('Rollcall listening')).toBeLessThan(output.indexOf('Admin password'));
    banner = {
      dashboard: bannerValue(output, 'Dashboard'),
      email: bannerValue(output, 'Admin e-mail'),
      password: bannerValue(output, 'Admin password'),
      tenantUrl: bannerValue(output, 'SCIM Tenant URL'),
      token: bannerValue(output, 'Secret Token'),
    };
    expect(banner.dashboard).toBe(`${env['PUBLIC_URL']}/`);
    expect(banner.email).toMatch(/^[^\s@]+@[^\s@]+\.[^\s@]+$/);
    expect(banner.password.length).toBeGreaterThanOrEqual(8);
    expect(banner.tenantUrl).toBe(`${env['PUBLIC_URL']}/scim/v2`);
    expect(banner.token).toMatch(TOKEN);
    // Shown once: the banner, never a log line.
    expect(output.split(banner.token)).toHaveLength(2);

    const response = await testConnection(banner.tenantUrl, banner.token);
    expect(response.status).toBe(200);
  });

  it('issues a new password on the next start while nobody has signed in, keeping the token in use', async () => {
    server = await ApiProcess.start(env);
    await server.waitForOutput(/Lost password\?/);
    const output = server.stdoutAndStderr;
    const password = bannerValue(output, 'Admin password');
    expect(password).not.toBe(banner.password);
    expect(output).toMatch(/Secret Token\s+\(unchanged: already in use/);
    expect(output).not.toContain(banner.token);
    expect((await logIn(server.baseUrl, banner.email, banner.password)).status).toBe(401);
    expect((await testConnection(banner.tenantUrl, banner.token)).status).toBe(200);
    const signedIn = await logIn(server.baseUrl, banner.email, password);
    expect(signedIn.status).toBe(200);
    banner.password = password;
  });

  it('prints no credentials once an admin has signed in', async () => {
    server = await ApiProcess.start(env);
    const output = await settledOutput(server);
    expect(output).not.toMatch(/Admin password|Secret Token|rcs_/);
    expect((await logIn(server.baseUrl, banner.email, banner.password)).status).toBe(200);
    expect((await testConnection(banner.tenantUrl, banner.token)).status).toBe(200);
  });

  it('exits with code 0 on SIGTERM', async () => {
    server = await ApiProcess.start(env);
    expect((await testConnection(`${server.baseUrl}/scim/v2`, banner.token)).status).toBe(200);
    expect(await server.stop('SIGTERM')).toEqual({ code: 0, signal: null });
  });
});

describe('npm run cli -- org:list / org:show / admin:list / admin:reset-password', () => {
  let env: Record<string, string>;
  let server: ApiProcess;
  let orgId: string;
  const adminEmail = 'it@globex.example';
  const adminPassword = 'correct horse battery staple';

  beforeAll(async () => {
    env = await serverEnv();
    jsonLine(await runCli(['org:create', 'Initech', '--json'], env));
    const created = jsonLine(
      await runCli(
        [
          'org:create',
          'Globex Corp',
          '--admin-email',
          adminEmail,
          '--admin-password',
          adminPassword,
          '--json',
        ],
        env,
      ),
    );
    orgId = String(created['orgId']);
    server = await ApiProcess.start(env);
  });

  afterAll(async () => {
    await server.kill();
  });

  it('lists every organization, oldest first', async () => {
    const { organizations } = jsonLine(await runCli(['org:list', '--json'], env)) as {
      organizations: { id: string; slug: string; name: string; scimEnabled: boolean }[];
    };
    expect(
      organizations.map(({ slug, name, scimEnabled }) => ({ slug, name, scimEnabled })),
    ).toEqual([
      { slug: 'initech', name: 'Initech', scimEnabled: true },
      { slug: 'globex-corp', name: 'Globex Corp', scimEnabled: true },
    ]);
    expect(organizations[1]?.id).toBe(orgId);
  });

  it('shows one organization by slug or id, with its Tenant URL, admins and token prefixes but no secret', async () => {
    const bySlug = jsonLine(await runCli(['org:show', 'globex-corp', '--json'], env));
    const byId = jsonLine(await runCli(['org:show', orgId, '--json'], env));
    expect(byId).toEqual(bySlug);
    expect(bySlug).toMatchObject({
      orgId,
      name: 'Globex Corp',
      scimEnabled: true,
      scimBaseUrl: `${env['PUBLIC_URL']}/scim/v2`,
      admins: [{ email: adminEmail, lastLoginAt: null }],
    });
    const tokens = bySlug['scimTokens'] as { prefix: string }[];
    expect(tokens).toHaveLength(1);
    expect(JSON.stringify(bySlug)).not.toMatch(TOKEN.source.slice(1, 8));
    expectFailure(await runCli(['org:show', 'no-such-org'], env), 1, /No such organization/);
  });

  it('resets an admin password: the old one and every session end, the new one signs in', async () => {
    const signedIn = await logIn(server.baseUrl, adminEmail, adminPassword);
    expect(signedIn.status).toBe(200);
    const cookie = signedIn.headers.getSetCookie()[0]?.split(';')[0] ?? '';
    const me = () => fetch(`${server.baseUrl}/api/auth/session`, { headers: { Cookie: cookie } });
    expect((await me()).status).toBe(200);

    const reset = jsonLine(await runCli(['admin:reset-password', adminEmail, '--json'], env));
    expect(reset['email']).toBe(adminEmail);
    const password = String(reset['password']);
    expect(password.length).toBeGreaterThanOrEqual(16);

    expect((await me()).status).toBe(401);
    expect((await logIn(server.baseUrl, adminEmail, adminPassword)).status).toBe(401);
    expect((await logIn(server.baseUrl, adminEmail, password)).status).toBe(200);
  });

  it('lists the admins with their last sign-in', async () => {
    const { admins } = jsonLine(await runCli(['admin:list', 'globex-corp', '--json'], env)) as {
      admins: { email: string; lastLoginAt: string | null }[];
    };
    expect(admins).toHaveLength(1);
    expect(admins[0]?.email).toBe(adminEmail);
    expect(Date.parse(admins[0]?.lastLoginAt ?? '')).toBeGreaterThan(0);
  });

  it('refuses to reset the password of an e-mail that is no admin', async () => {
    expectFailure(
      await runCli(['admin:reset-password', 'nobody@globex.example'], env),
      1,
      /No admin has this e-mail/,
    );
  });
});

describe('npm run cli -- secrets:reseal (rotating ENCRYPTION_KEY)', () => {
  const oldKey = randomBytes(32).toString('base64');
  const newKey = randomBytes(32).toString('base64');
  const adminEmail = 'it@keys.example';
  const adminPassword = 'correct horse battery staple';
  let env: Record<string, string>;
  let server: ApiProcess | undefined;

  beforeAll(async () => {
    env = await serverEnv();
  });

  afterEach(async () => {
    await server?.kill();
    server = undefined;
  });

  async function tokenFor(baseUrl: string, clientId: string, clientSecret: string) {
    return fetch(`${baseUrl}/oauth/token`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
      },
      body: 'grant_type=client_credentials&scope=scim',
    });
  }

  it('moves every stored secret to the new key; the old key can then be dropped', async () => {
    const withOldKey = { ...env, ENCRYPTION_KEY: oldKey };
    jsonLine(
      await runCli(
        [
          'org:create',
          'Keys',
          '--admin-email',
          adminEmail,
          '--admin-password',
          adminPassword,
          '--json',
        ],
        withOldKey,
      ),
    );
    server = await ApiProcess.start(withOldKey);
    const signedIn = await logIn(server.baseUrl, adminEmail, adminPassword);
    const cookie = signedIn.headers.getSetCookie()[0]?.split(';')[0] ?? '';
    const { csrfToken } = (await signedIn.json()) as { csrfToken: string };
    const created = await fetch(`${server.baseUrl}/api/scim/oauth/clients`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: cookie, 'X-CSRF-Token': csrfToken },
      body: JSON.stringify({ name: 'Entra provisioning' }),
    });
    expect(created.status).toBe(201);
    const client = (await created.json()) as { clientId: string; clientSecret: string };
    // The first token creates the signing key, sealed with the old key.
    expect((await tokenFor(server.baseUrl, client.clientId, client.clientSecret)).status).toBe(200);
    expect(await server.stop()).toEqual({ code: 0, signal: null });
    server = undefined;

    // The new key alone cannot open what the old one sealed.
    expectFailure(
      await runCli(['secrets:reseal', '--json'], { ...env, ENCRYPTION_KEY: newKey }),
      1,
      /could not be decrypted/,
    );
    const rotating = { ...env, ENCRYPTION_KEY: newKey, ENCRYPTION_KEY_PREVIOUS: oldKey };
    const first = jsonLine(await runCli(['secrets:reseal', '--json'], rotating));
    expect(first).toEqual({ resealed: { oidcClientSecrets: 0, signingKeys: 1 } });
    const again = jsonLine(await runCli(['secrets:reseal', '--json'], rotating));
    expect(again).toEqual({ resealed: { oidcClientSecrets: 0, signingKeys: 0 } });

    server = await ApiProcess.start({ ...env, ENCRYPTION_KEY: newKey });
    const issued = await tokenFor(server.baseUrl, client.clientId, client.clientSecret);
    expect(issued.status).toBe(200);
    const { access_token: accessToken } = (await issued.json()) as { access_token: string };
    expect((await testConnection(`${server.baseUrl}/scim/v2`, accessToken)).status).toBe(200);
  });
});

describe('npm run cli -- db:backup', () => {
  let env: Record<string, string>;
  let server: ApiProcess | undefined;
  const scratch = mkdtempSync(join(tmpdir(), 'rollcall-backup-'));

  beforeAll(async () => {
    env = await serverEnv();
  });

  afterAll(async () => {
    await server?.kill();
    rmSync(scratch, { recursive: true, force: true });
  });

  if (testDialect() === 'postgres') {
    it('points PostgreSQL operators to pg_dump', async () => {
      expectFailure(
        await runCli(['db:backup', join(scratch, 'copy.sqlite')], env),
        2,
        /use pg_dump for PostgreSQL/,
      );
    });
    return;
  }

  it('copies the live SQLite database consistently; the copy restores every organization and user', async () => {
    const created = jsonLine(await runCli(['org:create', 'Backed Up', '--json'], env));
    server = await ApiProcess.start(env);
    const token = String(created['scimToken']);
    for (const userName of ['ada@backed.example', 'alan@backed.example']) {
      const response = await fetch(`${server.baseUrl}/scim/v2/Users`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/scim+json' },
        body: JSON.stringify({
          schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
          userName,
          active: true,
        }),
      });
      expect(response.status).toBe(201);
    }

    const file = join(scratch, 'rollcall-backup.sqlite');
    const backup = jsonLine(await runCli(['db:backup', file, '--json'], env));
    expect(backup).toEqual({ file, pages: expect.any(Number) });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expectFailure(await runCli(['db:backup', file], env), 2, /exists; name a new file/);
    await server.stop();
    server = undefined;

    // Restore: the copy becomes the database of a new data directory.
    const restored = join(scratch, 'restored');
    mkdirSync(restored, { mode: 0o700 });
    copyFileSync(file, join(restored, 'rollcall.sqlite'));
    const restoredEnv = {
      ...env,
      DATA_DIR: restored,
      ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    };
    expect(jsonLine(await runCli(['org:list', '--json'], restoredEnv))).toEqual(
      jsonLine(await runCli(['org:list', '--json'], env)),
    );
    server = await ApiProcess.start(restoredEnv);
    const filter = encodeURIComponent('userName eq "alan@backed.example"');
    const found = await fetch(`${server.baseUrl}/scim/v2/Users?filter=${filter}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(((await found.json()) as { totalResults: number }).totalResults).toBe(1);
  });
});
