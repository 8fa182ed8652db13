import { randomUUID } from 'node:crypto';
import type { SignInProvidersView, SsoStatusView } from '@rollcall/contracts';
import { AdminClient } from './support/admin-client';
import {
  EntraEmulator,
  GLOBAL_ADMINISTRATOR,
  type EmulatedAccount,
} from './support/oidc-emulator/entra-emulator';
import {
  entraEnv,
  runMicrosoftFlow,
  type FlowResult,
} from './support/oidc-emulator/microsoft-flow';
import { PATCH_OP_URN, USER_URN, type ScimUserResource } from './support/scim-user.builder';
import { TestApi, type TestOrganization } from './support/test-api';

jest.setTimeout(60_000);

const SIGN_IN = '/api/auth/microsoft';

interface MemberSession {
  user: { id: string; userName: string };
  organization: { id: string; name: string };
}

describe('Sign in with Microsoft', () => {
  let emulator: EntraEmulator;
  let api: TestApi;
  let org: TestOrganization;
  let tenantId: string;
  /** The org admin's Microsoft account, linked to them by connecting the tenant. */
  let connector: EmulatedAccount;

  beforeAll(async () => {
    emulator = await EntraEmulator.start();
    api = await TestApi.start(entraEnv(emulator));
    org = await api.createOrganization('Contoso');
    tenantId = randomUUID();
    const admin = await AdminClient.signIn(api, org);
    connector = {
      tenantId,
      oid: randomUUID(),
      preferredUsername: org.adminEmail,
      wids: [GLOBAL_ADMINISTRATOR],
    };
    emulator.account = connector;
    const connected = await runMicrosoftFlow(api, '/api/sso/microsoft/connect', {
      cookie: admin.cookie,
    });
    expect(connected.location).toBe('/sso?connected=microsoft');
  });

  afterAll(async () => {
    await api?.stop();
    await emulator?.stop();
  });

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

  async function setActive(id: string, active: boolean): Promise<void> {
    const response = await api.scim(org.scimToken, 'PATCH', `/Users/${id}`, {
      schemas: [PATCH_OP_URN],
      Operations: [{ op: 'Replace', path: 'active', value: active ? 'True' : 'False' }],
    });
    expect(response.status).toBe(200);
  }

  function signInAs(account: EmulatedAccount): Promise<FlowResult> {
    emulator.account = account;
    return runMicrosoftFlow(api, SIGN_IN);
  }

  function memberCookie(result: FlowResult): string {
    const cookie = result.setCookies.find((c) => c.startsWith('rollcall_member_session='));
    if (!cookie) throw new Error(`no member session: ${JSON.stringify(result)}`);
    return cookie;
  }

  function memberSession(cookie: string): Promise<Response> {
    return fetch(`${api.baseUrl}/api/auth/member-session`, { headers: { Cookie: cookie } });
  }

  it('signs a provisioned member in by userName (case-insensitively) and links the oid', async () => {
    const user = await provision(`Ada.${randomUUID()}@Contoso.example`);
    const oid = randomUUID();
    const result = await signInAs({
      tenantId,
      oid,
      preferredUsername: user.userName.toLowerCase(),
    });
    expect(result).toMatchObject({ status: 302, location: '/signed-in' });
    const session = await memberSession(memberCookie(result));
    expect(session.status).toBe(200);
    expect(((await session.json()) as MemberSession).user).toEqual({
      id: user.id,
      userName: user.userName,
    });

    // Renamed in Entra: the oid link still finds the same user.
    const again = await signInAs({ tenantId, oid, preferredUsername: 'renamed@contoso.example' });
    const body = (await (await memberSession(memberCookie(again))).json()) as MemberSession;
    expect(body.user.id).toBe(user.id);
  });

  it('matches the work e-mail when userName differs and Entra verified the domain', async () => {
    const email = `grace.${randomUUID()}@contoso.example`;
    const user = await provision(`grace-${randomUUID()}`, email);
    const result = await signInAs({
      tenantId,
      oid: randomUUID(),
      preferredUsername: `upn-${randomUUID()}@contoso.example`,
      email: email.toUpperCase(),
      emailDomainVerified: true,
    });
    const body = (await (await memberSession(memberCookie(result))).json()) as MemberSession;
    expect(body.user.id).toBe(user.id);
  });

  it('does not let a second Microsoft account take over a linked user', async () => {
    const user = await provision(`linked.${randomUUID()}@contoso.example`);
    await signInAs({ tenantId, oid: randomUUID(), preferredUsername: user.userName });
    const other = await signInAs({ tenantId, oid: randomUUID(), preferredUsername: user.userName });
    expect(other.location).toBe('/signin?error=identity_conflict');
  });

  it('refuses a deactivated user, and deactivation ends their live session at once', async () => {
    const user = await provision(`leaver.${randomUUID()}@contoso.example`);
    const oid = randomUUID();
    const result = await signInAs({ tenantId, oid, preferredUsername: user.userName });
    const cookie = memberCookie(result);
    expect((await memberSession(cookie)).status).toBe(200);

    await setActive(user.id, false);
    expect((await memberSession(cookie)).status).toBe(401);
    const refused = await signInAs({ tenantId, oid, preferredUsername: user.userName });
    expect(refused.location).toBe('/signin?error=account_deactivated');
    expect(refused.setCookies.some((c) => c.startsWith('rollcall_member_session='))).toBe(false);
  });

  it('ends the session when the user is deleted', async () => {
    const user = await provision(`deleted.${randomUUID()}@contoso.example`);
    const cookie = memberCookie(
      await signInAs({ tenantId, oid: randomUUID(), preferredUsername: user.userName }),
    );
    expect((await api.scim(org.scimToken, 'DELETE', `/Users/${user.id}`)).status).toBe(204);
    expect((await memberSession(cookie)).status).toBe(401);
  });

  it('refuses an account that was not provisioned', async () => {
    const result = await signInAs({
      tenantId,
      oid: randomUUID(),
      preferredUsername: `stranger.${randomUUID()}@contoso.example`,
    });
    expect(result.location).toBe('/signin?error=not_provisioned');
  });

  it('creates an unknown person just in time when the org allows it', async () => {
    const admin = await AdminClient.signIn(api, org);
    const stranger = `newcomer.${randomUUID()}@contoso.example`;
    const account = {
      tenantId,
      oid: randomUUID(),
      preferredUsername: stranger,
      email: stranger,
      emailDomainVerified: true,
    };
    expect((await signInAs(account)).location).toBe('/signin?error=not_provisioned');

    await admin.json(
      admin.request('PATCH', '/api/sso/policy', {
        jitProvisioning: true,
        jitDomains: ['contoso.example'],
      }),
      200,
    );
    try {
      const body = (await (
        await memberSession(memberCookie(await signInAs(account)))
      ).json()) as MemberSession;
      expect(body.user.userName).toBe(stranger);
      const user = await admin.json<{ source: string; active: boolean }>(
        admin.get(`/api/users/${body.user.id}`),
        200,
      );
      expect(user).toMatchObject({ source: 'sso', active: true });
    } finally {
      await admin.json(
        admin.request('PATCH', '/api/sso/policy', { jitProvisioning: null, jitDomains: [] }),
        200,
      );
    }
  });

  it('refuses a tenant no organization connected', async () => {
    const user = await provision(`elsewhere.${randomUUID()}@contoso.example`);
    const result = await signInAs({
      tenantId: randomUUID(),
      oid: randomUUID(),
      preferredUsername: user.userName,
    });
    expect(result.location).toBe('/signin?error=tenant_not_connected');
  });

  it('refuses a token whose issuer names another tenant than its tid', async () => {
    const user = await provision(`crossed.${randomUUID()}@contoso.example`);
    emulator.nextFault = { issuer: emulator.issuerOf(randomUUID()) };
    const result = await signInAs({
      tenantId,
      oid: randomUUID(),
      preferredUsername: user.userName,
    });
    expect(result.location).toBe('/signin?error=token_invalid');
  });

  it('gives the admin who connected the tenant a dashboard session through their linked account', async () => {
    const result = await signInAs({ ...connector, preferredUsername: 'renamed@contoso.example' });
    expect(result.location).toBe('/');
    const cookie = result.setCookies.find((c) => c.startsWith('rollcall_session='));
    expect(cookie).toBeDefined();
    const session = await fetch(`${api.baseUrl}/api/auth/session`, {
      headers: { Cookie: cookie ?? '' },
    });
    expect(session.status).toBe(200);
    expect(await session.json()).toMatchObject({
      admin: { email: org.adminEmail },
      organization: { id: org.orgId },
    });
  });

  it('tells the public sign-in page that Microsoft is offered', async () => {
    const response = await fetch(`${api.baseUrl}/api/auth/providers`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect((await response.json()) as SignInProvidersView).toEqual({ microsoft: true });
  });
});

describe('Sign in with Microsoft on a server without an Entra app', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await TestApi.start();
  });

  afterAll(async () => {
    await api?.stop();
  });

  it('tells the sign-in page Microsoft is not offered, and says so in the SSO status', async () => {
    const providers = await fetch(`${api.baseUrl}/api/auth/providers`);
    expect((await providers.json()) as SignInProvidersView).toEqual({ microsoft: false });

    const org = await api.createOrganization(`Plain ${randomUUID().slice(0, 8)}`);
    const admin = await AdminClient.signIn(api, org);
    expect(await admin.json<SsoStatusView>(admin.get('/api/sso'), 200)).toMatchObject({
      microsoftConfigured: false,
      microsoft: null,
    });
    await admin.error(admin.get('/api/sso/microsoft/connect'), 503, 'SSO_NOT_CONFIGURED');
  });
});
