import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type {
  AdminUserDetailView,
  OidcProviderView,
  OrganizationSignInView,
  SsoStatusView,
} from '@rollcall/contracts';
import { AdminClient, anonymous } from './support/admin-client';
import {
  callback,
  startAccountLink,
  type FlowResult,
} from './support/oidc-emulator/microsoft-flow';
import { GenericIdp, type IdpAccountClaims } from './support/oidc-provider/generic-idp';
import {
  finishOidcFlow,
  runOidcFlow,
  type OidcFlowOptions,
} from './support/oidc-provider/oidc-flow';
import { PATCH_OP_URN, USER_URN, type ScimUserResource } from './support/scim-user.builder';
import { TestApi, type TestOrganization } from './support/test-api';

jest.setTimeout(60_000);

const CLIENT_ID = 'rollcall-generic-client';
const CLIENT_SECRET = `secret-${randomBytes(16).toString('hex')}`;
// TestApi's PUBLIC_URL: the IdP redirects there and the flow follows to the real port.
const REDIRECT_URI = 'http://localhost:3000/api/auth/oidc/callback';

interface MemberSessionBody {
  user: { id: string; userName: string };
  organization: { id: string; name: string };
  csrfToken: string;
}

describe('Sign in with a custom OIDC provider', () => {
  let idp: GenericIdp;
  let api: TestApi;
  let org: TestOrganization;
  let admin: AdminClient;
  let slug: string;

  beforeAll(async () => {
    idp = await GenericIdp.start({
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      redirectUris: [REDIRECT_URI],
    });
    api = await TestApi.start();
    org = await api.createOrganization('Initech');
    admin = await AdminClient.signIn(api, org);
    slug = (
      await admin.json<{ organization: { slug: string } }>(admin.get('/api/auth/session'), 200)
    ).organization.slug;
  });

  afterAll(async () => {
    await api?.stop();
    await idp?.stop();
  });

  function saveProvider(client: AdminClient, body: Record<string, unknown>): Promise<Response> {
    return client.request('PUT', '/api/sso/oidc', {
      displayName: 'Keycloak',
      issuer: idp.issuer,
      clientId: CLIENT_ID,
      ...body,
    });
  }

  async function provision(userName: string, workEmail?: string): Promise<ScimUserResource> {
    const response = await api.scim(org.scimToken, 'POST', '/Users', {
      schemas: [USER_URN],
      userName,
      active: true,
      externalId: randomUUID(),
      ...(workEmail ? { emails: [{ type: 'work', value: workEmail, primary: true }] } : {}),
    });
    expect(response.status).toBe(201);
    return (await response.json()) as ScimUserResource;
  }

  async function patchUser(id: string, path: string, value: unknown): Promise<void> {
    const response = await api.scim(org.scimToken, 'PATCH', `/Users/${id}`, {
      schemas: [PATCH_OP_URN],
      Operations: [{ op: 'Replace', path, value }],
    });
    expect(response.status).toBe(200);
  }

  /** A fresh IdP account (random sub) that the next sign-in completes as. */
  async function anAccount(claims: IdpAccountClaims): Promise<string> {
    const sub = `sub-${randomUUID()}`;
    await idp.addAccount(sub, { email_verified: true, ...claims });
    return sub;
  }

  async function signInAs(
    sub: string,
    options: OidcFlowOptions = {},
  ): Promise<FlowResult & { callbackUrl: string; stateCookie: string }> {
    await idp.loginAs(sub);
    return runOidcFlow(api, `/api/auth/oidc/${slug}`, options);
  }

  function cookieOf(result: FlowResult, name: string): string {
    const cookie = result.setCookies.find(
      (c) => c.startsWith(`${name}=`) && c.length > name.length + 1,
    );
    if (!cookie) throw new Error(`no ${name}: ${JSON.stringify(result)}`);
    return cookie;
  }

  async function memberOf(result: FlowResult): Promise<MemberSessionBody> {
    // Members land on their own page; only admins go to the dashboard.
    expect(result).toMatchObject({ status: 302, location: '/signed-in' });
    const response = await fetch(`${api.baseUrl}/api/auth/member-session`, {
      headers: { Cookie: cookieOf(result, 'rollcall_member_session') },
    });
    expect(response.status).toBe(200);
    return (await response.json()) as MemberSessionBody;
  }

  function database(): DataSource {
    return api.app.get(DataSource);
  }

  async function setPolicy(body: Record<string, unknown>): Promise<void> {
    await admin.json(admin.request('PATCH', '/api/sso/policy', body), 200);
  }

  describe('saving the provider', () => {
    it('runs discovery, seals the secret, and never returns it', async () => {
      const saved = await admin.json<OidcProviderView>(
        saveProvider(admin, { clientSecret: CLIENT_SECRET }),
        200,
      );
      expect(saved).toMatchObject({
        displayName: 'Keycloak',
        issuer: idp.issuer,
        clientId: CLIENT_ID,
        redirectUri: REDIRECT_URI,
        signInUrl: `http://localhost:3000/api/auth/oidc/${slug}`,
        updatedBy: org.adminEmail,
      });
      expect(JSON.stringify(saved)).not.toContain(CLIENT_SECRET);
      expect(saved).not.toHaveProperty('clientSecret');

      const status = await admin.json<SsoStatusView>(admin.get('/api/sso'), 200);
      expect(status.oidc).toEqual(saved);
      expect(status.oidcRedirectUri).toBe(REDIRECT_URI);
      expect(JSON.stringify(status)).not.toContain(CLIENT_SECRET);

      const row = await database()
        .createQueryBuilder()
        .select('p.client_secret_sealed', 'sealed')
        .from('oidc_providers', 'p')
        .where('p.organization_id = :id', { id: org.orgId })
        .getRawOne<{ sealed: string }>();
      expect(row?.sealed).toMatch(/^v1\./);
      expect(row?.sealed).not.toContain(CLIENT_SECRET);
      expect(row?.sealed).not.toContain(Buffer.from(CLIENT_SECRET).toString('base64url'));

      // An update without a secret keeps the stored one (sign-in below still works).
      const renamed = await admin.json<OidcProviderView>(saveProvider(admin, {}), 200);
      expect(renamed.displayName).toBe('Keycloak');

      const page = await anonymous(api, 'GET', `/api/auth/providers/${slug}`);
      expect((await page.json()) as OrganizationSignInView).toEqual({
        organization: { name: 'Initech', slug },
        microsoft: false,
        oidc: { displayName: 'Keycloak', signInUrl: `http://localhost:3000/api/auth/oidc/${slug}` },
        saml: null,
        requireSso: false,
      });
    });

    it('refuses a non-https, unreachable or mismatching issuer, and a new provider without a secret', async () => {
      const other = await AdminClient.signIn(api, await api.createOrganization('Other Co'));
      const refuse = (body: Record<string, unknown>, code: string) =>
        other.error(saveProvider(other, { clientSecret: 'x', ...body }), 400, code);

      await refuse({ issuer: 'http://idp.example.com' }, 'OIDC_ISSUER_INVALID');
      await refuse({ issuer: 'not a url' }, 'OIDC_ISSUER_INVALID');
      const unreachable = await refuse({ issuer: 'http://127.0.0.1:1' }, 'OIDC_DISCOVERY_FAILED');
      expect(unreachable.message).toContain('discovery');
      const mismatch = await refuse({ issuer: `${idp.issuer}/` }, 'OIDC_ISSUER_MISMATCH');
      expect(mismatch.message).toContain(idp.issuer);
      await other.error(saveProvider(other, {}), 400, 'OIDC_CLIENT_SECRET_REQUIRED');
      const body = await other.error(
        saveProvider(other, { clientSecret: 'x', displayName: '' }),
        400,
        'BAD_REQUEST',
      );
      expect(body.message).toContain('displayName');
      await other.error(
        other.request(
          'PUT',
          '/api/sso/oidc',
          { displayName: 'X', issuer: idp.issuer, clientId: 'c', clientSecret: 's' },
          { csrf: false },
        ),
        403,
        'CSRF_TOKEN_INVALID',
      );
      expect((await other.json<SsoStatusView>(other.get('/api/sso'), 200)).oidc).toBeNull();
    });
  });

  describe('signing in', () => {
    beforeAll(async () => {
      await admin.json(saveProvider(admin, { clientSecret: CLIENT_SECRET }), 200);
    });

    it('signs a SCIM-provisioned user in by work e-mail, with PKCE S256, and stores the link', async () => {
      const email = `peter.${randomUUID()}@initech.example`;
      const user = await provision(`peter-${randomUUID()}`, email);
      const sub = await anAccount({ email: email.toUpperCase(), name: 'Peter Gibbons' });
      let authorize: URLSearchParams | undefined;
      const result = await signInAs(sub, {
        tamperAuthorize: (query) => {
          authorize = new URLSearchParams(query);
        },
      });
      expect(authorize?.get('code_challenge_method')).toBe('S256');
      expect(authorize?.get('redirect_uri')).toBe(REDIRECT_URI);
      expect(authorize?.get('nonce')).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect((await memberOf(result)).user).toEqual({ id: user.id, userName: user.userName });

      const links = await database()
        .createQueryBuilder()
        .select('i.provider', 'provider')
        .addSelect('i.issuer_tenant', 'issuer')
        .addSelect('i.subject', 'subject')
        .from('user_identities', 'i')
        .where('i.user_id = :id', { id: user.id })
        .getRawMany<{ provider: string; issuer: string; subject: string }>();
      expect(links).toEqual([{ provider: 'oidc', issuer: idp.issuer, subject: sub }]);

      // Renamed in the directory and at the IdP: the (issuer, sub) link still finds them.
      await patchUser(user.id, 'userName', `renamed-${randomUUID()}`);
      await idp.addAccount(sub, {
        email: `moved-${randomUUID()}@elsewhere.example`,
        email_verified: true,
      });
      expect((await memberOf(await signInAs(sub))).user.id).toBe(user.id);
    });

    it('never matches preferred_username, a name the provider’s users choose', async () => {
      const user = await provision(`milton.${randomUUID()}@initech.example`);
      const sub = await anAccount({ preferred_username: user.userName.toUpperCase() });
      expect((await signInAs(sub)).location).toBe('/signin?error=not_provisioned');
    });

    it('gives an org admin a dashboard session only once they linked the account (Test & link)', async () => {
      const sub = await anAccount({ email: org.adminEmail });
      const unlinked = await signInAs(sub);
      expect(unlinked.location).toBe('/signin?error=not_provisioned');
      expect(unlinked.setCookies.some((c) => /^rollcall_session=.+/.test(c))).toBe(false);

      await idp.loginAs(sub);
      const started = await startAccountLink(api, admin, '/api/sso/oidc/link');
      const linked = await finishOidcFlow(api, started.authorizationUrl, started.stateCookie, {
        cookie: admin.cookie,
      });
      expect(linked.location).toBe('/sso?linked=oidc');

      const result = await signInAs(sub);
      expect(result).toMatchObject({ status: 302, location: '/' });
      const session = await fetch(`${api.baseUrl}/api/auth/session`, {
        headers: { Cookie: cookieOf(result, 'rollcall_session') },
      });
      expect(session.status).toBe(200);
      expect(((await session.json()) as { admin: { email: string } }).admin.email).toBe(
        org.adminEmail,
      );
      expect(result.setCookies.some((c) => c.startsWith('rollcall_member_session='))).toBe(false);
    });

    it('does not match an e-mail the provider says is unverified', async () => {
      const email = `bill.${randomUUID()}@initech.example`;
      await provision(email);
      const sub = await anAccount({ email, email_verified: false });
      expect((await signInAs(sub)).location).toBe('/signin?error=not_provisioned');
      const adminImpostor = await anAccount({ email: org.adminEmail, email_verified: false });
      const refused = await signInAs(adminImpostor);
      expect(refused.location).toBe('/signin?error=not_provisioned');
      expect(refused.setCookies.some((c) => c.startsWith('rollcall_session='))).toBe(false);
    });

    it('refuses a deactivated user', async () => {
      const user = await provision(`samir.${randomUUID()}@initech.example`);
      const sub = await anAccount({ email: user.userName });
      await memberOf(await signInAs(sub));
      await patchUser(user.id, 'active', 'False');
      const refused = await signInAs(sub);
      expect(refused.location).toBe('/signin?error=account_deactivated');
      expect(refused.setCookies.some((c) => c.startsWith('rollcall_member_session='))).toBe(false);
    });

    it('refuses an unknown person while JIT is off, creates them while it is on', async () => {
      const email = `joanna.${randomUUID()}@initech.example`;
      const sub = await anAccount({ email, name: 'Joanna' });
      // SCIM provisioning is on, so the default is off.
      expect((await admin.json<SsoStatusView>(admin.get('/api/sso'), 200)).policy).toEqual({
        requireSso: false,
        jitProvisioning: null,
        jitEffective: false,
        jitDomains: [],
        externalIdIsObjectId: false,
        requireTwoFactor: false,
      });
      expect((await signInAs(sub)).location).toBe('/signin?error=not_provisioned');

      await setPolicy({ jitProvisioning: true, jitDomains: ['initech.example'] });
      const member = await memberOf(await signInAs(sub));
      expect(member.user.userName).toBe(email);
      const created = await admin.json<AdminUserDetailView>(
        admin.get(`/api/users/${member.user.id}`),
        200,
      );
      expect(created).toMatchObject({
        userName: email,
        displayName: 'Joanna',
        email,
        active: true,
        source: 'sso',
      });
      // The next sign-in finds the same user through the link.
      expect((await memberOf(await signInAs(sub))).user.id).toBe(member.user.id);

      // Deactivated (by SCIM or an admin), a JIT user stays out: JIT never re-creates them.
      await patchUser(member.user.id, 'active', 'False');
      expect((await signInAs(sub)).location).toBe('/signin?error=account_deactivated');
      await setPolicy({ jitProvisioning: false });
    });

    it('defaults JIT on while provisioning is off, for the listed domains only', async () => {
      await setPolicy({ jitProvisioning: null });
      await admin.json(
        admin.request('PATCH', '/api/organization/settings', { scimEnabled: false }),
        200,
      );
      try {
        expect((await admin.json<SsoStatusView>(admin.get('/api/sso'), 200)).policy).toEqual({
          requireSso: false,
          jitProvisioning: null,
          jitEffective: true,
          jitDomains: ['initech.example'],
          externalIdIsObjectId: false,
          requireTwoFactor: false,
        });
        expect(
          (await signInAs(await anAccount({ email: `outsider.${randomUUID()}@x.example` })))
            .location,
        ).toBe('/signin?error=not_provisioned');
        const email = `lumbergh.${randomUUID()}@initech.example`;
        const member = await memberOf(await signInAs(await anAccount({ email })));
        expect(member.user.userName).toBe(email);
      } finally {
        await admin.json(
          admin.request('PATCH', '/api/organization/settings', { scimEnabled: true }),
          200,
        );
      }
      expect(
        (await admin.json<SsoStatusView>(admin.get('/api/sso'), 200)).policy.jitEffective,
      ).toBe(false);
      expect(
        (await signInAs(await anAccount({ email: `nobody.${randomUUID()}@x.example` }))).location,
      ).toBe('/signin?error=not_provisioned');
    });

    it('refuses a wrong state, a callback in another browser, and a replayed callback', async () => {
      const user = await provision(`tom.${randomUUID()}@initech.example`);
      const sub = await anAccount({ email: user.userName });
      const tampered = await signInAs(sub, {
        tamperCallback: (query) => query.set('state', randomBytes(32).toString('base64url')),
      });
      expect(tampered.location).toBe('/signin?error=state_invalid');
      expect((await signInAs(sub, { dropStateCookie: true })).location).toBe(
        '/signin?error=state_invalid',
      );

      const first = await signInAs(sub);
      await memberOf(first);
      const replayed = await callback(first.callbackUrl, first.stateCookie);
      expect(replayed.location).toBe('/signin?error=state_invalid');
      expect(replayed.setCookies.some((c) => c.startsWith('rollcall_member_session='))).toBe(false);
    });

    it('refuses a replayed authorization code under a fresh state', async () => {
      const user = await provision(`nina.${randomUUID()}@initech.example`);
      const sub = await anAccount({ email: user.userName });
      const first = await signInAs(sub);
      await memberOf(first);
      const usedCode = new URL(first.callbackUrl).searchParams.get('code') ?? '';
      const replay = await signInAs(sub, {
        tamperCallback: (query) => query.set('code', usedCode),
      });
      expect(replay.location).toBe('/signin?error=token_invalid');
    });

    it('refuses an ID token whose nonce is not the one Rollcall sent', async () => {
      const user = await provision(`drew.${randomUUID()}@initech.example`);
      const sub = await anAccount({ email: user.userName });
      const result = await signInAs(sub, {
        tamperAuthorize: (query) => query.set('nonce', randomBytes(32).toString('base64url')),
      });
      expect(result.location).toBe('/signin?error=token_invalid');
    });

    it('fails when the browser strips PKCE (the IdP requires it)', async () => {
      const user = await provision(`lawrence.${randomUUID()}@initech.example`);
      const sub = await anAccount({ email: user.userName });
      const result = await signInAs(sub, {
        tamperAuthorize: (query) => {
          query.delete('code_challenge');
          query.delete('code_challenge_method');
        },
      });
      expect(result.location).toBe('/signin?error=token_invalid');
    });

    it("does not let another org's people or slug use this org's provider", async () => {
      const otherOrg = await api.createOrganization('Chotchkies');
      const otherAdmin = await AdminClient.signIn(api, otherOrg);
      const otherSlug = (
        await otherAdmin.json<{ organization: { slug: string } }>(
          otherAdmin.get('/api/auth/session'),
          200,
        )
      ).organization.slug;
      await otherAdmin.error(
        anonymous(api, 'GET', `/api/auth/oidc/${otherSlug}`),
        404,
        'OIDC_PROVIDER_NOT_FOUND',
      );
      const page = await anonymous(api, 'GET', `/api/auth/providers/${otherSlug}`);
      expect(((await page.json()) as OrganizationSignInView).oidc).toBeNull();
      await otherAdmin.error(
        anonymous(api, 'GET', `/api/auth/providers/no-such-${randomUUID()}`),
        404,
        'SSO_ORGANIZATION_NOT_FOUND',
      );

      // A user of the other org signing in through this org's provider is not found here.
      const email = `brian.${randomUUID()}@chotchkies.example`;
      const response = await api.scim(otherOrg.scimToken, 'POST', '/Users', {
        schemas: [USER_URN],
        userName: email,
        active: true,
      });
      expect(response.status).toBe(201);
      expect((await signInAs(await anAccount({ email }))).location).toBe(
        '/signin?error=not_provisioned',
      );
    });

    it('stops signing in once the provider is deleted', async () => {
      const user = await provision(`bob.${randomUUID()}@initech.example`);
      const sub = await anAccount({ email: user.userName });
      await idp.loginAs(sub);
      // A round trip started before the deletion cannot finish after it.
      const start = await fetch(`${api.baseUrl}/api/auth/oidc/${slug}`, { redirect: 'manual' });
      expect(start.status).toBe(302);

      const deleted = await admin.request('DELETE', '/api/sso/oidc');
      expect(deleted.status).toBe(204);
      expect((await admin.json<SsoStatusView>(admin.get('/api/sso'), 200)).oidc).toBeNull();
      await admin.error(
        anonymous(api, 'GET', `/api/auth/oidc/${slug}`),
        404,
        'OIDC_PROVIDER_NOT_FOUND',
      );
      await admin.error(admin.request('DELETE', '/api/sso/oidc'), 404, 'OIDC_PROVIDER_NOT_FOUND');
      const page = await anonymous(api, 'GET', `/api/auth/providers/${slug}`);
      expect(((await page.json()) as OrganizationSignInView).oidc).toBeNull();
    });
  });
});
