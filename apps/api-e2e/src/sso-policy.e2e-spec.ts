import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { OrganizationSignInView, SsoPolicyView, SsoStatusView } from '@rollcall/contracts';
import { hashPassword } from '@rollcall/organizations';
import { AdminClient, anonymous, type AdminErrorBody } from './support/admin-client';
import { GenericIdp } from './support/oidc-provider/generic-idp';
import { cookiePairs, startAccountLink } from './support/oidc-emulator/microsoft-flow';
import { finishOidcFlow, runOidcFlow } from './support/oidc-provider/oidc-flow';
import { USER_URN } from './support/scim-user.builder';
import { TestApi, type TestOrganization } from './support/test-api';

// Password sign-ins run scrypt on purpose.
jest.setTimeout(60_000);

const CLIENT_ID = 'rollcall-policy-client';
const CLIENT_SECRET = randomBytes(16).toString('hex');

let nextIp = 1;

describe('Org SSO policy and member sessions', () => {
  let idp: GenericIdp;
  let api: TestApi;
  let org: TestOrganization;
  let admin: AdminClient;
  let slug: string;
  const second = { email: `second.${randomUUID()}@initrode.example`, password: randomUUID() };

  beforeAll(async () => {
    idp = await GenericIdp.start({
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      redirectUris: ['http://localhost:3000/api/auth/oidc/callback'],
    });
    api = await TestApi.start();
    org = await api.createOrganization('Initrode');
    admin = await AdminClient.signIn(api, org);
    slug = (
      await admin.json<{ organization: { slug: string } }>(admin.get('/api/auth/session'), 200)
    ).organization.slug;
    // A second admin, created after the org's first one (the break-glass admin).
    await api.app
      .get(DataSource)
      .getRepository('OrganizationAdminEntity')
      .insert({
        id: randomUUID(),
        organizationId: org.orgId,
        email: second.email,
        emailNormalized: second.email,
        passwordHash: await hashPassword(second.password),
        role: 'admin',
        createdAt: new Date(Date.now() + 60_000),
        lastLoginAt: null,
      });
  });

  afterAll(async () => {
    await api?.stop();
    await idp?.stop();
  });

  function logIn(email: string, password: string): Promise<Response> {
    return fetch(`${api.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': `192.0.2.${nextIp++}` },
      body: JSON.stringify({ email, password }),
    });
  }

  async function errorOf(response: Response): Promise<AdminErrorBody & { status: number }> {
    return { status: response.status, ...((await response.json()) as AdminErrorBody) };
  }

  function policy(): Promise<SsoPolicyView> {
    return admin.json<SsoStatusView>(admin.get('/api/sso'), 200).then((s) => s.policy);
  }

  function saveProvider(): Promise<unknown> {
    return admin.json(
      admin.request('PUT', '/api/sso/oidc', {
        displayName: 'Okta',
        issuer: idp.issuer,
        clientId: CLIENT_ID,
        clientSecret: CLIENT_SECRET,
      }),
      200,
    );
  }

  it('refuses Require SSO without a connected provider', async () => {
    const body = await admin.error(
      admin.request('PATCH', '/api/sso/policy', { requireSso: true }),
      409,
      'SSO_PROVIDER_REQUIRED',
    );
    expect(body.message).toMatch(/provider/i);
    expect(await policy()).toEqual({
      requireSso: false,
      jitProvisioning: null,
      jitEffective: false,
      jitDomains: [],
      externalIdIsObjectId: false,
      requireTwoFactor: false,
    });
    await admin.error(
      admin.request('PATCH', '/api/sso/policy', { requireSso: 'yes' }),
      400,
      'BAD_REQUEST',
    );
    await admin.error(
      admin.request('PATCH', '/api/sso/policy', { jitProvisioning: true }, { csrf: false }),
      403,
      'CSRF_TOKEN_INVALID',
    );
  });

  it('with a provider, refuses passwords to every admin but the break-glass one', async () => {
    const signedIn = await logIn(second.email, second.password);
    expect(signedIn.status).toBe(200);
    await saveProvider();
    // While passwords still work, the second admin links their account at the provider: the
    // only way single sign-on will open their dashboard session.
    await idp.addAccount('second-admin', { email: second.email, email_verified: true });
    await idp.loginAs('second-admin');
    const session = {
      cookie: cookiePairs(signedIn).find((c) => c.startsWith('rollcall_session=')) ?? '',
      csrfToken: ((await signedIn.json()) as { csrfToken: string }).csrfToken,
    };
    const started = await startAccountLink(api, session, '/api/sso/oidc/link');
    const linked = await finishOidcFlow(api, started.authorizationUrl, started.stateCookie, {
      cookie: session.cookie,
    });
    expect(linked.location).toBe('/sso?linked=oidc');
    expect(
      await admin.json<SsoPolicyView>(
        admin.request('PATCH', '/api/sso/policy', { requireSso: true }),
        200,
      ),
    ).toEqual({
      requireSso: true,
      jitProvisioning: null,
      jitEffective: false,
      jitDomains: [],
      externalIdIsObjectId: false,
      requireTwoFactor: false,
    });

    const refused = await errorOf(await logIn(second.email, second.password));
    expect(refused).toMatchObject({ status: 403, code: 'SSO_REQUIRED' });
    expect(refused.message).toContain('single sign-on');
    // A wrong password is still just wrong: the rule is only told to who knows the password.
    const wrong = await errorOf(await logIn(second.email, 'not-the-password'));
    expect(wrong).toMatchObject({ status: 401, code: 'INVALID_CREDENTIALS' });
    // The org's first admin keeps a password, so an IdP outage cannot lock the org out.
    expect((await logIn(org.adminEmail, org.adminPassword)).status).toBe(200);

    const page = await anonymous(api, 'GET', `/api/auth/providers/${slug}`);
    expect(((await page.json()) as OrganizationSignInView).requireSso).toBe(true);
  });

  it('signs the second admin in through their linked account while passwords are refused', async () => {
    await idp.loginAs('second-admin');
    const result = await runOidcFlow(api, `/api/auth/oidc/${slug}`);
    expect(result).toMatchObject({ status: 302, location: '/' });
    expect(result.setCookies.some((c) => /^rollcall_session=.+/.test(c))).toBe(true);
  });

  it('turns Require SSO off when the last provider is removed', async () => {
    expect((await admin.request('DELETE', '/api/sso/oidc')).status).toBe(204);
    expect((await policy()).requireSso).toBe(false);
    expect((await logIn(second.email, second.password)).status).toBe(200);
  });

  describe('member sessions', () => {
    let memberCookie: string;

    beforeAll(async () => {
      await saveProvider();
      const email = `member.${randomUUID()}@initrode.example`;
      const created = await api.scim(org.scimToken, 'POST', '/Users', {
        schemas: [USER_URN],
        userName: email,
        active: true,
      });
      expect(created.status).toBe(201);
      await idp.addAccount('member', { email, email_verified: true });
      await idp.loginAs('member');
      const result = await runOidcFlow(api, `/api/auth/oidc/${slug}`);
      const cookie = result.setCookies.find((c) => /^rollcall_member_session=.+/.test(c));
      if (!cookie) throw new Error(`no member session: ${JSON.stringify(result)}`);
      memberCookie = cookie;
    });

    function memberCall(method: string, path: string, headers: Record<string, string> = {}) {
      return fetch(`${api.baseUrl}${path}`, {
        method,
        headers: { Cookie: memberCookie, ...headers },
      });
    }

    it('refuses a member sign-out without the CSRF token, and revokes with it', async () => {
      const session = await memberCall('GET', '/api/auth/member-session');
      expect(session.status).toBe(200);
      const { csrfToken } = (await session.json()) as { csrfToken: string };
      expect(csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);

      const missing = await errorOf(await memberCall('POST', '/api/auth/member-logout'));
      expect(missing).toMatchObject({ status: 403, code: 'CSRF_TOKEN_INVALID' });
      const wrong = await errorOf(
        await memberCall('POST', '/api/auth/member-logout', {
          'X-CSRF-Token': randomBytes(32).toString('base64url'),
        }),
      );
      expect(wrong).toMatchObject({ status: 403, code: 'CSRF_TOKEN_INVALID' });
      // An admin's CSRF token is not a member's.
      expect(
        (await memberCall('POST', '/api/auth/member-logout', { 'X-CSRF-Token': admin.csrfToken }))
          .status,
      ).toBe(403);
      expect((await memberCall('GET', '/api/auth/member-session')).status).toBe(200);

      const out = await memberCall('POST', '/api/auth/member-logout', {
        'X-CSRF-Token': csrfToken,
      });
      expect(out.status).toBe(204);
      expect(out.headers.getSetCookie()).toEqual(
        expect.arrayContaining([expect.stringMatching(/^rollcall_member_session=; Max-Age=0;/)]),
      );
      expect((await memberCall('GET', '/api/auth/member-session')).status).toBe(401);
      const again = await errorOf(
        await memberCall('POST', '/api/auth/member-logout', { 'X-CSRF-Token': csrfToken }),
      );
      expect(again).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    });

    it('refuses a member sign-out with no session at all', async () => {
      const response = await fetch(`${api.baseUrl}/api/auth/member-logout`, { method: 'POST' });
      expect((await errorOf(response)).code).toBe('UNAUTHENTICATED');
    });
  });
});
