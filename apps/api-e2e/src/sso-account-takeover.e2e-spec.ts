import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { RecordProvisioningRequest } from '@rollcall/audit';
import type { ProvisioningLogPageView, SsoStatusView } from '@rollcall/contracts';
import { hashPassword } from '@rollcall/organizations';
import { AdminClient } from './support/admin-client';
import {
  EntraEmulator,
  GLOBAL_ADMINISTRATOR,
  type EmulatedAccount,
} from './support/oidc-emulator/entra-emulator';
import {
  entraEnv,
  finishMicrosoftFlow,
  runMicrosoftFlow,
  startAccountLink,
  type FlowResult,
} from './support/oidc-emulator/microsoft-flow';
import { GenericIdp, type IdpAccountClaims } from './support/oidc-provider/generic-idp';
import { finishOidcFlow, runOidcFlow } from './support/oidc-provider/oidc-flow';
import { USER_URN, type ScimUserResource } from './support/scim-user.builder';
import { TestApi, type TestOrganization } from './support/test-api';

jest.setTimeout(120_000);

const CLIENT_ID = 'rollcall-takeover-client';
const CLIENT_SECRET = `secret-${randomBytes(16).toString('hex')}`;
const DOMAIN = 'contoso.example';

/**
 * Each attack on SSO linking as an outsider would try it, with a throwaway OIDC account, a
 * plain member of the org's Entra tenant, or a second account of a real user, against the real
 * server (generic oidc-provider and the Entra emulator), each refused.
 */
describe('SSO account takeover attempts', () => {
  let idp: GenericIdp;
  let emulator: EntraEmulator;
  let api: TestApi;
  let org: TestOrganization;
  let admin: AdminClient;
  let slug: string;
  let tenantId: string;
  /** The Microsoft account that connected the tenant: linked to the org's first admin. */
  let connector: EmulatedAccount;
  /** A second admin, never linked unless a test links them. */
  const second = {
    email: `second.${randomUUID()}@${DOMAIN}`,
    password: randomUUID(),
  };

  beforeAll(async () => {
    idp = await GenericIdp.start({
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      redirectUris: ['http://localhost:3000/api/auth/oidc/callback'],
    });
    emulator = await EntraEmulator.start();
    api = await TestApi.start(entraEnv(emulator));
    org = await api.createOrganization('Contoso');
    admin = await AdminClient.signIn(api, org);
    slug = (
      await admin.json<{ organization: { slug: string } }>(admin.get('/api/auth/session'), 200)
    ).organization.slug;
    tenantId = randomUUID();
    connector = {
      tenantId,
      oid: randomUUID(),
      preferredUsername: `it.${randomUUID()}@${DOMAIN}`,
      wids: [GLOBAL_ADMINISTRATOR],
    };
    emulator.account = connector;
    const connected = await runMicrosoftFlow(api, '/api/sso/microsoft/connect', {
      cookie: admin.cookie,
    });
    expect(connected.location).toBe('/sso?connected=microsoft');
    await admin.json(
      admin.request('PUT', '/api/sso/oidc', {
        displayName: 'Okta',
        issuer: idp.issuer,
        clientId: CLIENT_ID,
        clientSecret: CLIENT_SECRET,
      }),
      200,
    );
    await api.app
      .get(DataSource)
      .getRepository('OrganizationAdminEntity')
      .insert({
        id: randomUUID(),
        organizationId: org.orgId,
        email: second.email,
        emailNormalized: second.email,
        passwordHash: await hashPassword(second.password),
        createdAt: new Date(Date.now() + 60_000),
        lastLoginAt: null,
      });
  });

  afterAll(async () => {
    await api?.stop();
    await emulator?.stop();
    await idp?.stop();
  });

  function secondAdmin(): Promise<AdminClient> {
    return AdminClient.signIn(api, {
      ...org,
      adminEmail: second.email,
      adminPassword: second.password,
    });
  }

  async function provision(userName: string, extra: Record<string, unknown> = {}) {
    const response = await api.scim(org.scimToken, 'POST', '/Users', {
      schemas: [USER_URN],
      userName,
      active: true,
      ...extra,
    });
    expect(response.status).toBe(201);
    return (await response.json()) as ScimUserResource;
  }

  async function oidcAccount(claims: IdpAccountClaims): Promise<string> {
    const sub = `sub-${randomUUID()}`;
    await idp.addAccount(sub, claims);
    return sub;
  }

  async function oidcSignIn(sub: string): Promise<FlowResult> {
    await idp.loginAs(sub);
    return runOidcFlow(api, `/api/auth/oidc/${slug}`);
  }

  function microsoftSignIn(account: EmulatedAccount): Promise<FlowResult> {
    emulator.account = account;
    return runMicrosoftFlow(api, '/api/auth/microsoft');
  }

  function msAccount(overrides: Partial<EmulatedAccount> = {}): EmulatedAccount {
    return {
      tenantId,
      oid: randomUUID(),
      preferredUsername: `someone.${randomUUID()}@${DOMAIN}`,
      ...overrides,
    };
  }

  function hasCookie(result: FlowResult, name: string): boolean {
    return result.setCookies.some((c) => c.startsWith(`${name}=`) && c.length > name.length + 1);
  }

  function cookieOf(result: FlowResult, name: string): string {
    const cookie = result.setCookies.find((c) => c.startsWith(`${name}=`));
    if (!cookie) throw new Error(`no ${name}: ${JSON.stringify(result)}`);
    return cookie;
  }

  async function adminOf(result: FlowResult): Promise<string> {
    expect(result.location).toBe('/');
    const response = await fetch(`${api.baseUrl}/api/auth/session`, {
      headers: { Cookie: cookieOf(result, 'rollcall_session') },
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { admin: { email: string } }).admin.email;
  }

  async function memberOf(result: FlowResult): Promise<string> {
    expect(result.location).toBe('/signed-in');
    expect(hasCookie(result, 'rollcall_session')).toBe(false);
    const response = await fetch(`${api.baseUrl}/api/auth/member-session`, {
      headers: { Cookie: cookieOf(result, 'rollcall_member_session') },
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { user: { id: string } }).user.id;
  }

  function expectNoSession(result: FlowResult, error: string): void {
    expect(result.location).toBe(`/signin?error=${error}`);
    expect(hasCookie(result, 'rollcall_session')).toBe(false);
    expect(hasCookie(result, 'rollcall_member_session')).toBe(false);
  }

  async function linksOfSubject(subject: string): Promise<number> {
    const db = api.app.get(DataSource);
    const users = await db
      .createQueryBuilder()
      .from('user_identities', 'i')
      .where('i.subject = :subject', { subject })
      .getCount();
    const admins = await db
      .createQueryBuilder()
      .from('admin_identities', 'i')
      .where('i.subject = :subject', { subject })
      .getCount();
    return users + admins;
  }

  async function refusalsInLog(subject: string) {
    await api.app.get(RecordProvisioningRequest).flush();
    const page = await admin.json<ProvisioningLogPageView>(
      admin.get('/api/provisioning-log?status=403'),
      200,
    );
    return page.entries.filter((e) => e.detail?.includes(subject));
  }

  async function policy(body: Record<string, unknown>) {
    return admin.json<SsoStatusView['policy']>(
      admin.request('PATCH', '/api/sso/policy', body),
      200,
    );
  }

  describe('custom OIDC provider', () => {
    it('never opens an admin session for preferred_username equal to an admin’s e-mail', async () => {
      const sub = await oidcAccount({ preferred_username: org.adminEmail });
      expectNoSession(await oidcSignIn(sub), 'not_provisioned');
      const verifiedElsewhere = await oidcAccount({
        preferred_username: org.adminEmail,
        email: `attacker.${randomUUID()}@evil.example`,
        email_verified: true,
      });
      expectNoSession(await oidcSignIn(verifiedElsewhere), 'not_provisioned');
      expect(await linksOfSubject(sub)).toBe(0);
      expect(await linksOfSubject(verifiedElsewhere)).toBe(0);
    });

    it('never matches preferred_username against a user’s userName', async () => {
      const user = await provision(`milton.${randomUUID()}@${DOMAIN}`);
      const sub = await oidcAccount({ preferred_username: user.userName });
      expectNoSession(await oidcSignIn(sub), 'not_provisioned');
      expect(await linksOfSubject(sub)).toBe(0);
    });

    it.each<[string, IdpAccountClaims['email_verified']]>([
      ['missing', undefined],
      ['false', false],
      ['the string "False"', 'False'],
      ['the string "true"', 'true'],
    ])(
      'does not link or admit an e-mail whose email_verified is %s',
      async (_name, emailVerified) => {
        const user = await provision(`bill.${randomUUID()}@${DOMAIN}`, {
          emails: [{ type: 'work', value: `bill.${randomUUID()}@${DOMAIN}`, primary: true }],
        });
        const claims = (email: string): IdpAccountClaims =>
          emailVerified === undefined ? { email } : { email, email_verified: emailVerified };
        const onUser = await oidcAccount(claims(user.userName));
        expectNoSession(await oidcSignIn(onUser), 'not_provisioned');
        const onAdmin = await oidcAccount(claims(org.adminEmail.toUpperCase()));
        expectNoSession(await oidcSignIn(onAdmin), 'not_provisioned');
        expect(await linksOfSubject(onUser)).toBe(0);
        expect(await linksOfSubject(onAdmin)).toBe(0);
        // The real person, with a verified address, still gets in: nothing was taken.
        const real = await oidcAccount({ email: user.userName, email_verified: true });
        expect(await memberOf(await oidcSignIn(real))).toBe(user.id);
      },
    );

    it('refuses another account claiming a linked user’s address, and shows the attempt in the provisioning log', async () => {
      const user = await provision(`peter.${randomUUID()}@${DOMAIN}`);
      const real = await oidcAccount({ email: user.userName, email_verified: true });
      expect(await memberOf(await oidcSignIn(real))).toBe(user.id);

      const attacker = await oidcAccount({ email: user.userName, email_verified: true });
      expectNoSession(await oidcSignIn(attacker), 'identity_conflict');
      expect(await linksOfSubject(attacker)).toBe(0);
      const logged = await refusalsInLog(attacker);
      expect(logged).toEqual([
        expect.objectContaining({
          method: 'GET',
          path: '/api/auth/oidc/callback',
          status: 403,
          resourceType: 'User',
          resourceId: user.id,
        }),
      ]);
      expect(logged[0]?.detail).toContain(user.userName.toLowerCase());
      // The real account is still the one that signs in.
      expect(await memberOf(await oidcSignIn(real))).toBe(user.id);
    });

    it('gives an unlinked admin’s verified e-mail a member session at most, never admin rights', async () => {
      const admitted = await oidcAccount({ email: second.email, email_verified: true });
      // No user with that address: nothing at all.
      expectNoSession(await oidcSignIn(admitted), 'not_provisioned');
      const user = await provision(second.email);
      expect(await memberOf(await oidcSignIn(admitted))).toBe(user.id);
    });

    it('opens an admin session for an admin who linked the account from a password session, until unlinked', async () => {
      const client = await secondAdmin();
      const account = await oidcAccount({ email: second.email, email_verified: true });
      await idp.loginAs(account);
      // Without the CSRF header no round trip starts: another site cannot link its account.
      const forged = await fetch(`${api.baseUrl}/api/sso/oidc/link`, {
        method: 'POST',
        headers: { Cookie: client.cookie },
      });
      expect(forged.status).toBe(403);
      const started = await startAccountLink(api, client, '/api/sso/oidc/link');
      const linked = await finishOidcFlow(api, started.authorizationUrl, started.stateCookie, {
        cookie: client.cookie,
      });
      expect(linked.location).toBe('/sso?linked=oidc');
      expect((await client.json<SsoStatusView>(client.get('/api/sso'), 200)).myLinks).toMatchObject(
        { oidc: { account: second.email }, microsoft: null },
      );

      expect(await adminOf(await oidcSignIn(account))).toBe(second.email);

      // Another account with the admin's verified address is an attempt on the admin.
      const attacker = await oidcAccount({ email: second.email, email_verified: true });
      const refused = await oidcSignIn(attacker);
      expect(refused.location).toBe('/signin?error=identity_conflict');
      expect(hasCookie(refused, 'rollcall_session')).toBe(false);
      expect(await refusalsInLog(attacker)).toHaveLength(1);

      expect((await client.request('DELETE', '/api/sso/links/oidc')).status).toBe(204);
      await client.error(
        client.request('DELETE', '/api/sso/links/oidc'),
        404,
        'SSO_LINK_NOT_FOUND',
      );
      const after = await oidcSignIn(account);
      expect(hasCookie(after, 'rollcall_session')).toBe(false);
    });

    it('refuses a link callback carried by another admin’s session', async () => {
      const client = await secondAdmin();
      const account = await oidcAccount({
        email: `x.${randomUUID()}@${DOMAIN}`,
        email_verified: true,
      });
      await idp.loginAs(account);
      const started = await startAccountLink(api, client, '/api/sso/oidc/link');
      const result = await finishOidcFlow(api, started.authorizationUrl, started.stateCookie, {
        cookie: admin.cookie,
      });
      expect(result.location).toBe('/sso?error=state_invalid');
      expect(await linksOfSubject(account)).toBe(0);
    });

    it('creates users just in time only for verified addresses in the org’s domains', async () => {
      await admin.error(
        admin.request('PATCH', '/api/sso/policy', { jitDomains: ['*'] }),
        400,
        'JIT_DOMAIN_INVALID',
      );
      // JIT on, but no domain listed: nobody is created.
      expect(await policy({ jitProvisioning: true })).toMatchObject({
        jitEffective: false,
        jitDomains: [],
      });
      const listedLater = await oidcAccount({
        email: `early.${randomUUID()}@${DOMAIN}`,
        email_verified: true,
      });
      expectNoSession(await oidcSignIn(listedLater), 'not_provisioned');

      expect(await policy({ jitDomains: [` ${DOMAIN.toUpperCase()} `] })).toMatchObject({
        jitEffective: true,
        jitDomains: [DOMAIN],
      });
      try {
        const outside = await oidcAccount({
          email: `mallory.${randomUUID()}@evil.example`,
          email_verified: true,
        });
        expectNoSession(await oidcSignIn(outside), 'not_provisioned');
        const lookalike = await oidcAccount({
          email: `mallory.${randomUUID()}@evil${DOMAIN}`,
          email_verified: true,
        });
        expectNoSession(await oidcSignIn(lookalike), 'not_provisioned');
        const unverified = await oidcAccount({ email: `joanna.${randomUUID()}@${DOMAIN}` });
        expectNoSession(await oidcSignIn(unverified), 'not_provisioned');
        const usernameOnly = await oidcAccount({
          preferred_username: `lumbergh.${randomUUID()}@${DOMAIN}`,
        });
        expectNoSession(await oidcSignIn(usernameOnly), 'not_provisioned');

        const email = `newcomer.${randomUUID()}@${DOMAIN}`;
        const welcome = await oidcAccount({ email, email_verified: true });
        const id = await memberOf(await oidcSignIn(welcome));
        const created = await admin.json<{ userName: string; source: string }>(
          admin.get(`/api/users/${id}`),
          200,
        );
        expect(created).toMatchObject({ userName: email, source: 'sso' });
      } finally {
        await policy({ jitProvisioning: null, jitDomains: [] });
      }
    });
  });

  describe('Sign in with Microsoft', () => {
    it('opens the connecting admin’s session by their linked account only', async () => {
      expect(await adminOf(await microsoftSignIn(connector))).toBe(org.adminEmail);
      // Another account of the tenant whose UPN, or verified e-mail, is the admin's address is
      // not the admin: it is an attempt on a linked admin, refused and shown to the org.
      const impostor = msAccount({ preferredUsername: org.adminEmail.toUpperCase() });
      expectNoSession(await microsoftSignIn(impostor), 'identity_conflict');
      const withEmail = msAccount({ email: org.adminEmail, emailDomainVerified: true });
      expectNoSession(await microsoftSignIn(withEmail), 'identity_conflict');
      expect(await linksOfSubject(impostor.oid)).toBe(0);
      expect(await refusalsInLog(impostor.oid)).toEqual([
        expect.objectContaining({ status: 403, resourceId: null }),
      ]);
      expect(await adminOf(await microsoftSignIn(connector))).toBe(org.adminEmail);
    });

    it('matches the e-mail claim only when Entra verified its domain (xms_edov)', async () => {
      const email = `grace.${randomUUID()}@${DOMAIN}`;
      const user = await provision(`grace-${randomUUID()}`, {
        emails: [{ type: 'work', value: email, primary: true }],
      });
      const unverified = msAccount({ email });
      expectNoSession(await microsoftSignIn(unverified), 'not_provisioned');
      for (const flag of [false, 'true', 'True']) {
        const account = msAccount({ email, emailDomainVerified: flag });
        expectNoSession(await microsoftSignIn(account), 'not_provisioned');
        expect(await linksOfSubject(account.oid)).toBe(0);
      }
      expect(await linksOfSubject(unverified.oid)).toBe(0);
      const verified = msAccount({ email: email.toUpperCase(), emailDomainVerified: true });
      expect(await memberOf(await microsoftSignIn(verified))).toBe(user.id);
    });

    it('matches oid against externalId only when the org says externalId holds the objectId', async () => {
      const oid = randomUUID();
      const user = await provision(`objectid-${randomUUID()}`, { externalId: oid });
      const account = msAccount({ oid });
      expectNoSession(await microsoftSignIn(account), 'not_provisioned');
      expect(await policy({ externalIdIsObjectId: true })).toMatchObject({
        externalIdIsObjectId: true,
      });
      try {
        expect(await memberOf(await microsoftSignIn(account))).toBe(user.id);
      } finally {
        await policy({ externalIdIsObjectId: false });
      }
    });

    it('refuses a second account claiming a linked user’s UPN, and logs the attempt', async () => {
      const user = await provision(`linked.${randomUUID()}@${DOMAIN}`);
      const real = msAccount({ preferredUsername: user.userName });
      expect(await memberOf(await microsoftSignIn(real))).toBe(user.id);
      const attacker = msAccount({ preferredUsername: user.userName });
      expectNoSession(await microsoftSignIn(attacker), 'identity_conflict');
      expect(await refusalsInLog(attacker.oid)).toEqual([
        expect.objectContaining({
          path: '/api/auth/microsoft/callback',
          status: 403,
          resourceId: user.id,
        }),
      ]);
      expect(await memberOf(await microsoftSignIn(real))).toBe(user.id);
    });

    it('links a second admin’s Microsoft account from a password session; an unlinked one gets a member session at most', async () => {
      const upn = `second.ms.${randomUUID()}@${DOMAIN}`;
      const user = await provision(upn);
      const account = msAccount({ preferredUsername: upn });
      // Unlinked: the admin's person is a member, never an admin.
      expect(await memberOf(await microsoftSignIn(account))).toBe(user.id);

      const client = await secondAdmin();
      const elsewhere = msAccount({ tenantId: randomUUID() });
      emulator.account = elsewhere;
      let started = await startAccountLink(api, client, '/api/sso/microsoft/link');
      const refused = await finishMicrosoftFlow(
        api,
        started.authorizationUrl,
        started.stateCookie,
        {
          cookie: client.cookie,
        },
      );
      expect(refused.location).toBe('/sso?error=tenant_not_connected');

      emulator.account = account;
      started = await startAccountLink(api, client, '/api/sso/microsoft/link');
      const linked = await finishMicrosoftFlow(api, started.authorizationUrl, started.stateCookie, {
        cookie: client.cookie,
      });
      expect(linked.location).toBe('/sso?linked=microsoft');
      expect(await adminOf(await microsoftSignIn(account))).toBe(second.email);
      expect((await client.request('DELETE', '/api/sso/links/microsoft')).status).toBe(204);
      expect(await memberOf(await microsoftSignIn(account))).toBe(user.id);
    });

    it('creates users just in time only from a verified e-mail in the org’s domains', async () => {
      await policy({ jitProvisioning: true, jitDomains: [DOMAIN] });
      try {
        // The UPN alone never names a JIT user.
        expectNoSession(await microsoftSignIn(msAccount()), 'not_provisioned');
        const outside = msAccount({
          email: `eve.${randomUUID()}@evil.example`,
          emailDomainVerified: true,
        });
        expectNoSession(await microsoftSignIn(outside), 'not_provisioned');
        const unverified = msAccount({ email: `ann.${randomUUID()}@${DOMAIN}` });
        expectNoSession(await microsoftSignIn(unverified), 'not_provisioned');
        const email = `bob.${randomUUID()}@${DOMAIN}`;
        const id = await memberOf(
          await microsoftSignIn(msAccount({ email, emailDomainVerified: true })),
        );
        expect(
          (await admin.json<{ userName: string }>(admin.get(`/api/users/${id}`), 200)).userName,
        ).toBe(email);
      } finally {
        await policy({ jitProvisioning: null, jitDomains: [] });
      }
    });
  });
});
