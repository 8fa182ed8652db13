import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { PurgeExpiredAdminSessions, RevokeAllAdminSessions } from '@rollcall/sso';
import { TestApi, type TestOrganization } from './support/test-api';

// Every sign-in runs scrypt (~0.4 s by design); the lockout tests are in abuse-limits.e2e-spec.ts.
jest.setTimeout(120_000);

const COOKIE = 'rollcall_session';

interface LoginOptions {
  /** The client address as a trusted loopback proxy reports it (trust proxy = loopback). */
  ip: string;
  cookie?: string;
  headers?: Record<string, string>;
}

interface SessionBody {
  admin: { id: string; email: string };
  organization: { id: string; name: string; slug: string };
  csrfToken: string;
}

interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  requestId?: string;
}

let nextIp = 1;
/** A fresh client address, so per-IP counters of one test never touch another's. */
function freshIp(): string {
  const n = nextIp++;
  return `198.51.100.${n}`;
}

function sessionCookieOf(response: Response): string | undefined {
  return response.headers.getSetCookie().find((c) => c.startsWith(`${COOKIE}=`));
}

/** The `name=value` part of the session Set-Cookie, ready for a Cookie header. */
function cookiePair(response: Response): string {
  const setCookie = sessionCookieOf(response);
  if (!setCookie) throw new Error('expected a session cookie');
  return setCookie.split(';')[0] ?? '';
}

function withoutRequestId(body: ErrorBody): Omit<ErrorBody, 'requestId'> {
  const { requestId: _requestId, ...rest } = body;
  return rest;
}

describe('admin dashboard sign-in and sessions', () => {
  let api: TestApi;
  let org: TestOrganization;

  function login(email: string, password: string, options: LoginOptions): Promise<Response> {
    return fetch(`${api.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'X-Forwarded-For': options.ip,
        ...(options.cookie ? { Cookie: options.cookie } : {}),
        ...options.headers,
      },
      body: JSON.stringify({ email, password }),
    });
  }

  async function signIn(
    account: TestOrganization = org,
  ): Promise<{ cookie: string; csrfToken: string }> {
    const response = await login(account.adminEmail, account.adminPassword, { ip: freshIp() });
    expect(response.status).toBe(200);
    const body = (await response.json()) as SessionBody;
    return { cookie: cookiePair(response), csrfToken: body.csrfToken };
  }

  function getSession(cookie?: string): Promise<Response> {
    return fetch(`${api.baseUrl}/api/auth/session`, {
      headers: cookie ? { Cookie: cookie } : {},
    });
  }

  function logout(cookie: string | undefined, csrfToken?: string): Promise<Response> {
    return fetch(`${api.baseUrl}/api/auth/logout`, {
      method: 'POST',
      headers: {
        ...(cookie ? { Cookie: cookie } : {}),
        ...(csrfToken === undefined ? {} : { 'X-CSRF-Token': csrfToken }),
      },
    });
  }

  beforeAll(async () => {
    api = await TestApi.start();
    org = await api.createOrganization('Acme Corp');
  });

  afterAll(async () => {
    await api?.stop();
  });

  describe('POST /api/auth/login', () => {
    it('signs in with the right password and sets a hardened session cookie', async () => {
      const response = await login(org.adminEmail, org.adminPassword, { ip: freshIp() });
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
      const body = (await response.json()) as SessionBody;
      expect(body).toEqual({
        admin: { id: expect.any(String), email: org.adminEmail, role: 'owner' },
        organization: { id: org.orgId, name: 'Acme Corp', slug: 'acme-corp' },
        csrfToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      });

      const setCookie = sessionCookieOf(response) ?? '';
      const attributes = setCookie.split(';').map((a) => a.trim().toLowerCase());
      expect(setCookie).toMatch(new RegExp(`^${COOKIE}=[A-Za-z0-9_-]{43};`));
      expect(attributes).toContain('httponly');
      expect(attributes).toContain('samesite=lax');
      expect(attributes).toContain('path=/');
      expect(attributes).not.toContain('secure');
      const maxAge = Number(attributes.find((a) => a.startsWith('max-age='))?.slice(8));
      expect(maxAge).toBeGreaterThan(7 * 24 * 3600 - 60);
      expect(maxAge).toBeLessThanOrEqual(7 * 24 * 3600);
      // The secret lives only in the cookie, never in the body.
      expect(JSON.stringify(body)).not.toContain(cookiePair(response).split('=')[1]);
    });

    it('marks the cookie Secure and __Host- when the request came over HTTPS through a trusted proxy', async () => {
      const response = await login(org.adminEmail, org.adminPassword, {
        ip: freshIp(),
        headers: { 'X-Forwarded-Proto': 'https' },
      });
      expect(response.status).toBe(200);
      const setCookie = response.headers
        .getSetCookie()
        .find((c) => c.startsWith(`__Host-${COOKIE}=`));
      const attributes = (setCookie ?? '').split(';').map((a) => a.trim());
      expect(attributes).toContain('Secure');
      expect(sessionCookieOf(response)).toBeUndefined();
    });

    it('treats the e-mail case-insensitively', async () => {
      const response = await login(`  ${org.adminEmail.toUpperCase()} `, org.adminPassword, {
        ip: freshIp(),
      });
      expect(response.status).toBe(200);
    });

    it('answers a wrong password and an unknown e-mail with the same 401', async () => {
      const ip = freshIp();
      const wrongPassword = await login(org.adminEmail, 'not-the-password', { ip });
      const unknownEmail = await login('nobody@nowhere.example', org.adminPassword, { ip });
      expect(wrongPassword.status).toBe(401);
      expect(unknownEmail.status).toBe(401);
      expect(sessionCookieOf(wrongPassword)).toBeUndefined();
      expect(sessionCookieOf(unknownEmail)).toBeUndefined();
      const a = (await wrongPassword.json()) as ErrorBody;
      const b = (await unknownEmail.json()) as ErrorBody;
      expect(a).toEqual({
        statusCode: 401,
        code: 'INVALID_CREDENTIALS',
        message: expect.any(String),
        requestId: expect.any(String),
      });
      expect(withoutRequestId(b)).toEqual(withoutRequestId(a));
    });

    it('rejects a malformed body with 400 in the admin error shape', async () => {
      const ip = freshIp();
      const missing = await fetch(`${api.baseUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': ip },
        body: JSON.stringify({ email: org.adminEmail }),
      });
      expect(missing.status).toBe(400);
      expect(await missing.json()).toEqual({
        statusCode: 400,
        code: 'BAD_REQUEST',
        message: expect.stringContaining('password'),
        requestId: expect.any(String),
      });

      const wrongTypes = await fetch(`${api.baseUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': ip },
        body: JSON.stringify({ email: 42, password: ['x'] }),
      });
      expect(wrongTypes.status).toBe(400);

      const notAnObject = await fetch(`${api.baseUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': ip },
        body: '["not", "an", "object"]',
      });
      expect(notAnObject.status).toBe(400);
      expect(((await notAnObject.json()) as ErrorBody).code).toBe('BAD_REQUEST');

      const invalidJson = await fetch(`${api.baseUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': ip },
        body: '{"email":',
      });
      expect(invalidJson.status).toBe(400);
      expect(((await invalidJson.json()) as ErrorBody).code).toBe('INVALID_JSON');
    });

    it('only accepts JSON, so a cross-site HTML form cannot sign anyone in', async () => {
      const form = await fetch(`${api.baseUrl}/api/auth/login`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          'X-Forwarded-For': freshIp(),
        },
        body: new URLSearchParams({
          email: org.adminEmail,
          password: org.adminPassword,
        }).toString(),
      });
      expect(form.status).toBe(415);
      expect(sessionCookieOf(form)).toBeUndefined();
      expect(((await form.json()) as ErrorBody).code).toBe('UNSUPPORTED_MEDIA_TYPE');
    });
  });

  describe('GET /api/auth/session', () => {
    it('returns the admin, organization and CSRF token of the session cookie', async () => {
      const { cookie, csrfToken } = await signIn();
      const response = await getSession(cookie);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(await response.json()).toEqual({
        admin: { id: expect.any(String), email: org.adminEmail, role: 'owner' },
        organization: { id: org.orgId, name: 'Acme Corp', slug: 'acme-corp' },
        csrfToken,
      });
    });

    it('answers 401 UNAUTHENTICATED without a session cookie', async () => {
      const response = await getSession();
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({
        statusCode: 401,
        code: 'UNAUTHENTICATED',
        message: expect.any(String),
        requestId: expect.any(String),
      });
    });

    it('answers 401 for a tampered or malformed cookie', async () => {
      const { cookie } = await signIn();
      const value = cookie.slice(COOKIE.length + 1);
      const flipped = `${value.slice(0, -1)}${value.endsWith('A') ? 'B' : 'A'}`;
      for (const bad of [
        `${COOKIE}=${flipped}`,
        `${COOKIE}=${value}x`,
        `${COOKIE}=`,
        `${COOKIE}=%zz`,
      ]) {
        const response = await getSession(bad);
        expect(response.status).toBe(401);
        expect(((await response.json()) as ErrorBody).code).toBe('UNAUTHENTICATED');
      }
      // The untouched cookie, among others, still works.
      expect((await getSession(`theme=dark; ${cookie}; other=1`)).status).toBe(200);
    });
  });

  describe('POST /api/auth/logout', () => {
    it('requires the CSRF token, then revokes the session and clears the cookie', async () => {
      const { cookie, csrfToken } = await signIn();

      const withoutToken = await logout(cookie);
      expect(withoutToken.status).toBe(403);
      expect(((await withoutToken.json()) as ErrorBody).code).toBe('CSRF_TOKEN_INVALID');
      const wrongToken = await logout(cookie, `${csrfToken.slice(0, -1)}x`);
      expect(wrongToken.status).toBe(403);
      expect((await getSession(cookie)).status).toBe(200);

      const response = await logout(cookie, csrfToken);
      expect(response.status).toBe(204);
      const cleared = sessionCookieOf(response) ?? '';
      expect(cleared).toMatch(new RegExp(`^${COOKIE}=;`));
      expect(cleared).toContain('Max-Age=0');

      expect((await getSession(cookie)).status).toBe(401);
      expect((await logout(cookie, csrfToken)).status).toBe(401);
    });

    it("does not accept another session's CSRF token", async () => {
      const first = await signIn();
      const second = await signIn();
      expect((await logout(first.cookie, second.csrfToken)).status).toBe(403);
      expect((await logout(first.cookie, first.csrfToken)).status).toBe(204);
      expect((await getSession(second.cookie)).status).toBe(200);
    });

    it('answers 401 without a session', async () => {
      expect((await logout(undefined, 'anything')).status).toBe(401);
    });
  });

  describe('session lifecycle', () => {
    it('rotates the session on sign-in: the cookie presented at login is revoked', async () => {
      const before = await signIn();
      const response = await login(org.adminEmail, org.adminPassword, {
        ip: freshIp(),
        cookie: before.cookie,
      });
      expect(response.status).toBe(200);
      const after = cookiePair(response);
      expect(after).not.toBe(before.cookie);
      expect((await getSession(before.cookie)).status).toBe(401);
      expect((await getSession(after)).status).toBe(200);
    });

    it('revokes every session of an admin at once', async () => {
      const account = await api.createOrganization('Revoke All');
      const laptop = await signIn(account);
      const phone = await signIn(account);
      const other = await signIn();
      const session = (await (await getSession(laptop.cookie)).json()) as SessionBody;

      expect(await api.app.get(RevokeAllAdminSessions).execute(session.admin.id, 'cli')).toBe(2);
      expect((await getSession(laptop.cookie)).status).toBe(401);
      expect((await getSession(phone.cookie)).status).toBe(401);
      expect((await getSession(other.cookie)).status).toBe(200);
    });

    it('records activity at most once a minute and ends a session idle for 12 hours', async () => {
      const { cookie } = await signIn();
      const id = createHash('sha256')
        .update(cookie.slice(COOKIE.length + 1))
        .digest('hex');
      const sessions = api.app.get(DataSource).getRepository('admin_sessions');
      const lastSeen = async () =>
        ((await sessions.findOneByOrFail({ id })) as { lastSeenAt: Date }).lastSeenAt.getTime();

      const signedInAt = await lastSeen();
      expect((await getSession(cookie)).status).toBe(200);
      expect(await lastSeen()).toBe(signedInAt);

      await sessions.update({ id }, { lastSeenAt: new Date(Date.now() - 2 * 60_000) });
      expect((await getSession(cookie)).status).toBe(200);
      expect(await lastSeen()).toBeGreaterThanOrEqual(signedInAt);

      await sessions.update({ id }, { lastSeenAt: new Date(Date.now() - 12 * 3600_000 - 1000) });
      expect((await getSession(cookie)).status).toBe(401);
    });

    it('purges sessions past their absolute expiry', async () => {
      const { cookie } = await signIn();
      const purge = api.app.get(PurgeExpiredAdminSessions);
      const purgedNow = await purge.execute(new Date());
      expect((await getSession(cookie)).status).toBe(200);
      expect(purgedNow.sessions).toBe(0);

      const eightDaysLater = new Date(Date.now() + 8 * 24 * 3600 * 1000);
      const purged = await purge.execute(eightDaysLater);
      expect(purged.sessions).toBeGreaterThan(0);
      expect((await getSession(cookie)).status).toBe(401);
    });
  });

  it('documents the endpoints in the OpenAPI document', async () => {
    const response = await fetch(`${api.baseUrl}/api/docs-json`);
    expect(response.status).toBe(200);
    const document = (await response.json()) as {
      paths: Record<string, Record<string, { tags?: string[] }>>;
    };
    expect(document.paths['/api/auth/login']?.['post']?.tags).toEqual(['Admin: authentication']);
    expect(document.paths['/api/auth/session']?.['get']).toBeDefined();
    expect(document.paths['/api/auth/logout']?.['post']).toBeDefined();
  });
});
