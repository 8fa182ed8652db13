import { Authenticator, totp } from './support/authenticator';
import { DataSource } from 'typeorm';
import type {
  EnrolledSessionView,
  RecoveryCodesView,
  SsoPolicyView,
  TwoFactorSetupView,
  TwoFactorStatusView,
} from '@rollcall/contracts';
import { TestApi, type TestOrganization } from './support/test-api';

// An admin's own security over HTTP: password change, sign out everywhere, TOTP two-factor
// (enrolment, the sign-in's second step, recovery codes) and the org's Require two-factor.
// Codes are computed with otplib from the secret the API returned, as an authenticator would.
jest.setTimeout(180_000);

const COOKIE = 'rollcall_session';

interface SessionBody {
  admin: { id: string; email: string };
  csrfToken: string;
}

interface Session {
  cookie: string;
  csrfToken: string;
}

let nextIp = 1;
function freshIp(): string {
  return `203.0.113.${nextIp++}`;
}

function cookiePair(response: Response): string | undefined {
  return response.headers
    .getSetCookie()
    .find((c) => c.startsWith(`${COOKIE}=`))
    ?.split(';')[0];
}

describe('an admin’s own security', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await TestApi.start();
  });

  afterAll(async () => {
    await api.stop();
  });

  function post(path: string, body: unknown, ip: string, session?: Session): Promise<Response> {
    return send('POST', path, body, ip, session);
  }

  function send(
    method: string,
    path: string,
    body: unknown,
    ip: string,
    session?: Session,
  ): Promise<Response> {
    return fetch(`${api.baseUrl}${path}`, {
      method,
      headers: {
        'Content-Type': 'application/json',
        'X-Forwarded-For': ip,
        ...(session ? { Cookie: session.cookie, 'X-CSRF-Token': session.csrfToken } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  function login(email: string, password: string, ip = freshIp()): Promise<Response> {
    return post('/api/auth/login', { email, password }, ip);
  }

  async function signIn(email: string, password: string): Promise<Session> {
    const response = await login(email, password);
    expect(response.status).toBe(200);
    const body = (await response.json()) as SessionBody;
    const cookie = cookiePair(response);
    if (!cookie) throw new Error('expected a session cookie');
    return { cookie, csrfToken: body.csrfToken };
  }

  async function sessionStatus(session: Session): Promise<number> {
    const response = await fetch(`${api.baseUrl}/api/auth/session`, {
      headers: { Cookie: session.cookie },
    });
    return response.status;
  }

  async function json<T>(response: Promise<Response>, status: number): Promise<T> {
    const settled = await response;
    const body = (await settled.json()) as T;
    expect({ status: settled.status, body }).toMatchObject({ status });
    return body;
  }

  async function errorCode(response: Promise<Response>): Promise<{ status: number; code: string }> {
    const settled = await response;
    const body = (await settled.json()) as { code: string };
    return { status: settled.status, code: body.code };
  }

  async function challengeOf(account: TestOrganization, ip = freshIp()): Promise<string> {
    const response = await login(account.adminEmail, account.adminPassword, ip);
    expect(response.status).toBe(200);
    // No session before the second step.
    expect(cookiePair(response)).toBeUndefined();
    const body = (await response.json()) as { twoFactorRequired?: true; challenge?: string };
    expect(body).toEqual({ twoFactorRequired: true, challenge: expect.any(String) });
    return body.challenge ?? '';
  }

  describe('password change', () => {
    it('refuses a wrong current password, then ends every other session but this one', async () => {
      const account = await api.createOrganization('Password Change');
      const here = await signIn(account.adminEmail, account.adminPassword);
      const elsewhere = await signIn(account.adminEmail, account.adminPassword);
      const ip = freshIp();

      expect(
        await errorCode(
          post(
            '/api/account/password',
            { currentPassword: 'not-it', newPassword: 'a-new-password-1' },
            ip,
            here,
          ),
        ),
      ).toEqual({ status: 403, code: 'CURRENT_PASSWORD_INCORRECT' });
      expect(await sessionStatus(elsewhere)).toBe(200);
      expect(
        await errorCode(
          post(
            '/api/account/password',
            { currentPassword: account.adminPassword, newPassword: 'short' },
            ip,
            here,
          ),
        ),
      ).toEqual({ status: 400, code: 'BAD_REQUEST' });

      const changed = await post(
        '/api/account/password',
        { currentPassword: account.adminPassword, newPassword: 'a-new-password-1' },
        ip,
        here,
      );
      expect(changed.status).toBe(204);
      expect(await sessionStatus(here)).toBe(200);
      expect(await sessionStatus(elsewhere)).toBe(401);
      expect((await login(account.adminEmail, account.adminPassword)).status).toBe(401);
      expect((await login(account.adminEmail, 'a-new-password-1')).status).toBe(200);
    });

    it('throttles wrong current passwords like sign-in: 429 with Retry-After', async () => {
      const account = await api.createOrganization('Password Guessing');
      const session = await signIn(account.adminEmail, account.adminPassword);
      const ip = freshIp();
      const attempt = () =>
        post(
          '/api/account/password',
          { currentPassword: 'guess', newPassword: 'a-new-password-1' },
          ip,
          session,
        );
      for (let i = 0; i < 10; i++) expect((await attempt()).status).toBe(403);
      const refused = await attempt();
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      // Locked means the right password is refused too.
      const right = await post(
        '/api/account/password',
        { currentPassword: account.adminPassword, newPassword: 'a-new-password-1' },
        ip,
        session,
      );
      expect(right.status).toBe(429);
    });
  });

  it('signs out everywhere, this session included', async () => {
    const account = await api.createOrganization('Everywhere');
    const here = await signIn(account.adminEmail, account.adminPassword);
    const elsewhere = await signIn(account.adminEmail, account.adminPassword);
    const response = await post('/api/account/sign-out-everywhere', undefined, freshIp(), here);
    expect(response.status).toBe(204);
    expect(response.headers.getSetCookie().some((c) => c.startsWith(`${COOKIE}=;`))).toBe(true);
    expect(await sessionStatus(here)).toBe(401);
    expect(await sessionStatus(elsewhere)).toBe(401);
  });

  describe('two-factor', () => {
    let account: TestOrganization;
    let session: Session;
    let secret: string;
    let app: Authenticator;
    let recoveryCodes: string[];

    beforeAll(async () => {
      account = await api.createOrganization('Two Factor');
      session = await signIn(account.adminEmail, account.adminPassword);
    });

    it('enrols: a pending secret, a wrong code refused, ten recovery codes once', async () => {
      const ip = freshIp();
      expect(
        await json<TwoFactorStatusView>(
          send('GET', '/api/account/two-factor', undefined, ip, session),
          200,
        ),
      ).toEqual({ enabled: false, enabledAt: null, recoveryCodesLeft: 0 });
      expect(
        await errorCode(post('/api/account/two-factor/confirm', { code: '123456' }, ip, session)),
      ).toEqual({ status: 409, code: 'TWO_FACTOR_SETUP_NOT_STARTED' });

      const setup = await json<TwoFactorSetupView>(
        post('/api/account/two-factor/setup', {}, ip, session),
        200,
      );
      expect(setup.secret).toMatch(/^[A-Z2-7]{32}$/);
      expect(
        setup.otpauthUrl.startsWith(
          `otpauth://totp/Rollcall:${encodeURIComponent(account.adminEmail)}?`,
        ),
      ).toBe(true);
      const query = new URLSearchParams(setup.otpauthUrl.split('?')[1]);
      expect(query.get('secret')).toBe(setup.secret);
      expect(query.get('issuer')).toBe('Rollcall');

      // Pending is not on: sign-in still needs only the password.
      const pending = await login(account.adminEmail, account.adminPassword);
      expect(cookiePair(pending)).toBeDefined();

      expect(
        await errorCode(
          post(
            '/api/account/two-factor/confirm',
            { code: await totp(setup.secret, 20) },
            ip,
            session,
          ),
        ),
      ).toEqual({ status: 403, code: 'TWO_FACTOR_CODE_INVALID' });
      app = new Authenticator(setup.secret);
      const confirmed = await json<RecoveryCodesView>(
        post('/api/account/two-factor/confirm', { code: await app.nextCode() }, ip, session),
        200,
      );
      expect(confirmed.recoveryCodes).toHaveLength(10);
      expect(new Set(confirmed.recoveryCodes).size).toBe(10);
      secret = setup.secret;
      recoveryCodes = confirmed.recoveryCodes;

      const status = await json<TwoFactorStatusView>(
        send('GET', '/api/account/two-factor', undefined, ip, session),
        200,
      );
      expect(status).toMatchObject({ enabled: true, recoveryCodesLeft: 10 });
      expect(await errorCode(post('/api/account/two-factor/setup', {}, ip, session))).toEqual({
        status: 409,
        code: 'TWO_FACTOR_ALREADY_ENABLED',
      });
    });

    it('answers a right password with a challenge and no cookie; a code opens the session once', async () => {
      const challenge = await challengeOf(account);
      const ip = freshIp();
      const code = await app.nextCode();
      const opened = await post('/api/auth/login/two-factor', { challenge, code }, ip);
      expect(opened.status).toBe(200);
      const body = (await opened.json()) as SessionBody;
      expect(body.admin.email).toBe(account.adminEmail);
      const cookie = cookiePair(opened);
      expect(cookie).toBeDefined();
      expect(await sessionStatus({ cookie: cookie ?? '', csrfToken: body.csrfToken })).toBe(200);

      // The challenge is spent…
      expect(
        await errorCode(
          post('/api/auth/login/two-factor', { challenge, code: await totp(secret, 1) }, ip),
        ),
      ).toEqual({ status: 401, code: 'TWO_FACTOR_CHALLENGE_INVALID' });
      // …and the code too, with a fresh challenge; a code from outside the ±1 step window never works.
      const again = await challengeOf(account);
      expect(
        await errorCode(post('/api/auth/login/two-factor', { challenge: again, code }, ip)),
      ).toEqual({ status: 403, code: 'TWO_FACTOR_CODE_INVALID' });
      expect(
        await errorCode(
          post(
            '/api/auth/login/two-factor',
            { challenge: again, code: await totp(secret, -3) },
            ip,
          ),
        ),
      ).toEqual({ status: 403, code: 'TWO_FACTOR_CODE_INVALID' });
    });

    it('refuses an expired or made-up challenge', async () => {
      const challenge = await challengeOf(account);
      await api.app
        .get(DataSource)
        .query('UPDATE admin_sign_in_challenges SET expires_at = created_at');
      const ip = freshIp();
      expect(
        await errorCode(
          post('/api/auth/login/two-factor', { challenge, code: await totp(secret, 1) }, ip),
        ),
      ).toEqual({ status: 401, code: 'TWO_FACTOR_CHALLENGE_INVALID' });
      expect(
        await errorCode(
          post('/api/auth/login/two-factor', { challenge: 'x'.repeat(43), code: '123456' }, ip),
        ),
      ).toEqual({ status: 401, code: 'TWO_FACTOR_CHALLENGE_INVALID' });
      expect(
        await errorCode(
          post('/api/auth/login/two-factor', { challenge, code: '1', recoveryCode: 'x' }, ip),
        ),
      ).toEqual({ status: 400, code: 'BAD_REQUEST' });
    });

    it('accepts a recovery code once', async () => {
      const ip = freshIp();
      const [recoveryCode] = recoveryCodes;
      const first = await post(
        '/api/auth/login/two-factor',
        { challenge: await challengeOf(account), recoveryCode: recoveryCode?.toUpperCase() },
        ip,
      );
      expect(first.status).toBe(200);
      expect(cookiePair(first)).toBeDefined();
      expect(
        await errorCode(
          post(
            '/api/auth/login/two-factor',
            { challenge: await challengeOf(account), recoveryCode },
            ip,
          ),
        ),
      ).toEqual({ status: 403, code: 'TWO_FACTOR_CODE_INVALID' });
      expect(
        await json<TwoFactorStatusView>(
          send('GET', '/api/account/two-factor', undefined, ip, session),
          200,
        ),
      ).toMatchObject({ recoveryCodesLeft: 9 });
    });

    it('counts wrong codes against the sign-in throttle: 429 with Retry-After', async () => {
      const ip = freshIp();
      const challenge = await challengeOf(account, ip);
      const wrong = await totp(secret, 40);
      for (let i = 0; i < 10; i++) {
        const response = await post('/api/auth/login/two-factor', { challenge, code: wrong }, ip);
        expect(response.status).toBe(403);
      }
      const refused = await post(
        '/api/auth/login/two-factor',
        { challenge, code: await totp(secret, 2) },
        ip,
      );
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(cookiePair(refused)).toBeUndefined();
    });

    it('regenerates recovery codes with a code: the earlier ones stop working', async () => {
      const ip = freshIp();
      expect(
        await errorCode(
          post(
            '/api/account/two-factor/recovery-codes',
            { code: await totp(secret, 40) },
            ip,
            session,
          ),
        ),
      ).toEqual({ status: 403, code: 'TWO_FACTOR_CODE_INVALID' });
      const fresh = await json<RecoveryCodesView>(
        post('/api/account/two-factor/recovery-codes', { code: await app.nextCode() }, ip, session),
        200,
      );
      expect(fresh.recoveryCodes).toHaveLength(10);
      expect(fresh.recoveryCodes).not.toContain(recoveryCodes[1]);
      expect(
        await errorCode(
          post(
            '/api/auth/login/two-factor',
            { challenge: await challengeOf(account), recoveryCode: recoveryCodes[1] },
            ip,
          ),
        ),
      ).toEqual({ status: 403, code: 'TWO_FACTOR_CODE_INVALID' });
      recoveryCodes = fresh.recoveryCodes;
    });

    it('turns off with the password and a recovery code; sign-in answers a session again', async () => {
      const ip = freshIp();
      expect(
        await errorCode(
          send(
            'DELETE',
            '/api/account/two-factor',
            { password: 'not-it', recoveryCode: recoveryCodes[0] },
            ip,
            session,
          ),
        ),
      ).toEqual({ status: 403, code: 'CURRENT_PASSWORD_INCORRECT' });
      expect(
        await errorCode(
          send(
            'DELETE',
            '/api/account/two-factor',
            { password: account.adminPassword },
            ip,
            session,
          ),
        ),
      ).toEqual({ status: 400, code: 'BAD_REQUEST' });
      const off = await send(
        'DELETE',
        '/api/account/two-factor',
        { password: account.adminPassword, recoveryCode: recoveryCodes[0] },
        ip,
        session,
      );
      expect(off.status).toBe(204);

      const response = await login(account.adminEmail, account.adminPassword);
      const body = (await response.json()) as Record<string, unknown>;
      expect(Object.keys(body).sort()).toEqual(['admin', 'csrfToken', 'organization']);
      expect(cookiePair(response)).toBeDefined();
    });
  });

  describe('Require two-factor for password sign-ins', () => {
    it('walks an admin without TOTP through enrolment before the session opens', async () => {
      const account = await api.createOrganization('Required 2FA');
      const admin = await signIn(account.adminEmail, account.adminPassword);
      const ip = freshIp();
      const policy = await json<SsoPolicyView>(
        send('PATCH', '/api/sso/policy', { requireTwoFactor: true }, ip, admin),
        200,
      );
      expect(policy.requireTwoFactor).toBe(true);

      const response = await login(account.adminEmail, account.adminPassword);
      expect(cookiePair(response)).toBeUndefined();
      const { challenge } = (await response.json()) as { challenge: string };
      expect(challenge).toEqual(expect.any(String));
      // An enrolment challenge is not a second step.
      expect(
        await errorCode(post('/api/auth/login/two-factor', { challenge, code: '123456' }, ip)),
      ).toEqual({ status: 401, code: 'TWO_FACTOR_CHALLENGE_INVALID' });

      const setup = await json<TwoFactorSetupView>(
        post('/api/auth/login/two-factor/setup', { challenge }, ip),
        200,
      );
      const confirmed = await post(
        '/api/auth/login/two-factor/confirm',
        { challenge, code: await totp(setup.secret) },
        ip,
      );
      const enrolled = (await confirmed.json()) as EnrolledSessionView;
      expect(confirmed.status).toBe(200);
      expect(enrolled.recoveryCodes).toHaveLength(10);
      expect(enrolled.csrfToken).toEqual(expect.any(String));
      const cookie = cookiePair(confirmed);
      expect(await sessionStatus({ cookie: cookie ?? '', csrfToken: enrolled.csrfToken })).toBe(
        200,
      );
      expect(
        await errorCode(
          post(
            '/api/auth/login/two-factor/confirm',
            { challenge, code: await totp(setup.secret, 1) },
            ip,
          ),
        ),
      ).toEqual({ status: 401, code: 'TWO_FACTOR_CHALLENGE_INVALID' });

      // From now on the admin has TOTP: the usual second step.
      await challengeOf(account);
    });

    it('is off by default and needs nothing of an admin who has no TOTP', async () => {
      const account = await api.createOrganization('Optional 2FA');
      const admin = await signIn(account.adminEmail, account.adminPassword);
      const status = await json<{ policy: SsoPolicyView }>(
        send('GET', '/api/sso', undefined, freshIp(), admin),
        200,
      );
      expect(status.policy.requireTwoFactor).toBe(false);
      const response = await login(account.adminEmail, account.adminPassword);
      expect(cookiePair(response)).toBeDefined();
    });
  });
});
