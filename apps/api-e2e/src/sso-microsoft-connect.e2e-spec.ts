import { randomUUID } from 'node:crypto';
import { AdminClient } from './support/admin-client';
import { DataSource } from 'typeorm';
import {
  DEFAULT_USER_ROLE,
  EntraEmulator,
  GLOBAL_ADMINISTRATOR,
  USER_ADMINISTRATOR,
  type EmulatedAccount,
  type TokenFault,
} from './support/oidc-emulator/entra-emulator';
import { callback, entraEnv, runMicrosoftFlow } from './support/oidc-emulator/microsoft-flow';
import { TestApi, type TestOrganization } from './support/test-api';

jest.setTimeout(60_000);

interface SsoStatus {
  microsoftConfigured: boolean;
  microsoft: { tenantId: string; connectedBy: string; connectedAt: string } | null;
}

const CONNECT = '/api/sso/microsoft/connect';

describe('Connect Microsoft Entra (Single Sign-On settings)', () => {
  let emulator: EntraEmulator;
  let api: TestApi;

  beforeAll(async () => {
    emulator = await EntraEmulator.start();
    api = await TestApi.start(entraEnv(emulator));
  });

  afterAll(async () => {
    await api?.stop();
    await emulator?.stop();
  });

  async function anAdmin(): Promise<{ org: TestOrganization; admin: AdminClient }> {
    const org = await api.createOrganization(`Org ${randomUUID().slice(0, 8)}`);
    return { org, admin: await AdminClient.signIn(api, org) };
  }

  /** An account of the tenant holding Global Administrator, unless `wids` says otherwise. */
  function anAccount(tenantId = randomUUID(), wids = [GLOBAL_ADMINISTRATOR]): EmulatedAccount {
    return {
      tenantId,
      oid: randomUUID(),
      preferredUsername: `it-${randomUUID()}@contoso.example`,
      wids,
    };
  }

  function signInWithMicrosoft(account: EmulatedAccount) {
    emulator.account = account;
    return runMicrosoftFlow(api, '/api/auth/microsoft');
  }

  function status(admin: AdminClient): Promise<SsoStatus> {
    return admin.json<SsoStatus>(admin.get('/api/sso'), 200);
  }

  it('connects: PKCE S256, state, nonce and consent; records the tenant; redirects with the flash', async () => {
    const { admin } = await anAdmin();
    const account = anAccount();
    emulator.account = account;
    expect(await status(admin)).toMatchObject({ microsoftConfigured: true, microsoft: null });

    const result = await runMicrosoftFlow(api, CONNECT, { cookie: admin.cookie });

    expect(result.status).toBe(302);
    expect(result.location).toBe('/sso?connected=microsoft');
    const sent = emulator.authorizeRequests.at(-1);
    expect(sent?.get('code_challenge_method')).toBe('S256');
    expect(sent?.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(sent?.get('state')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(sent?.get('nonce')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(sent?.get('prompt')).toBe('consent');
    expect(sent?.get('scope')).toContain('openid');
    const connected = await status(admin);
    expect(connected.microsoft).toMatchObject({
      tenantId: account.tenantId,
      connectedBy: admin.adminEmail,
    });
    expect(Date.parse(connected.microsoft?.connectedAt ?? '')).not.toBeNaN();
  });

  it('needs a signed-in admin to start', async () => {
    const response = await fetch(`${api.baseUrl}${CONNECT}`, { redirect: 'manual' });
    expect(response.status).toBe(401);
  });

  it.each<[string, (q: URLSearchParams) => void]>([
    ['an unknown state', (q) => q.set('state', 'x'.repeat(43))],
    ['no state', (q) => q.delete('state')],
  ])('refuses %s', async (_name, tamper) => {
    const { admin } = await anAdmin();
    emulator.account = anAccount();
    const result = await runMicrosoftFlow(api, CONNECT, {
      cookie: admin.cookie,
      tamperCallback: tamper,
    });
    expect(result.location).toBe('/sso?error=state_invalid');
    expect(await status(admin)).toMatchObject({ microsoftConfigured: true, microsoft: null });
  });

  it('refuses a callback in a browser that did not start it (no state cookie)', async () => {
    const { admin } = await anAdmin();
    emulator.account = anAccount();
    const result = await runMicrosoftFlow(api, CONNECT, {
      cookie: admin.cookie,
      dropStateCookie: true,
    });
    expect(result.location).toBe('/sso?error=state_invalid');
  });

  it('refuses a replayed callback: state and code are single use', async () => {
    const { admin } = await anAdmin();
    emulator.account = anAccount();
    const first = await runMicrosoftFlow(api, CONNECT, { cookie: admin.cookie });
    expect(first.location).toBe('/sso?connected=microsoft');
    const replay = await callback(first.callbackUrl, `${admin.cookie}; ${first.stateCookie}`);
    expect(replay.location).toBe('/sso?error=state_invalid');
  });

  it('refuses a callback carried by another admin’s session', async () => {
    const { admin } = await anAdmin();
    const { admin: other } = await anAdmin();
    emulator.account = anAccount();
    const start = await fetch(`${api.baseUrl}${CONNECT}`, {
      redirect: 'manual',
      headers: { Cookie: admin.cookie },
    });
    const stateCookie = start.headers.getSetCookie()[0]?.split(';')[0] ?? '';
    const authorize = await fetch(start.headers.get('location') ?? '', { redirect: 'manual' });
    const back = new URL(authorize.headers.get('location') ?? '');
    const result = await callback(
      `${api.baseUrl}${back.pathname}${back.search}`,
      `${other.cookie}; ${stateCookie}`,
    );
    expect(result.location).toBe('/sso?error=state_invalid');
    expect(await status(other)).toMatchObject({ microsoftConfigured: true, microsoft: null });
  });

  it.each<[string, () => TokenFault]>([
    ['a wrong nonce', () => ({ nonce: 'not-the-nonce' })],
    ['a wrong audience', () => ({ audience: 'someone-else' })],
    ['another tenant’s issuer', () => ({ issuer: `http://127.0.0.1:1/${randomUUID()}/v2.0` })],
    ['the template issuer itself', () => ({ issuer: '{tenantid}' })],
    ['an expired token', () => ({ expired: true })],
    ['a tampered signature', () => ({ badSignature: true })],
  ])('refuses an ID token with %s', async (_name, fault) => {
    const { admin } = await anAdmin();
    const account = anAccount();
    emulator.account = account;
    emulator.nextFault = fault();
    const result = await runMicrosoftFlow(api, CONNECT, { cookie: admin.cookie });
    expect(result.location).toBe('/sso?error=token_invalid');
    expect(await status(admin)).toMatchObject({ microsoftConfigured: true, microsoft: null });
  });

  it.each<[string, string[] | undefined]>([
    ['no wids at all (the app emits no directory roles)', undefined],
    ['only the default member role', [DEFAULT_USER_ROLE]],
    ['a non-qualifying admin role (User Administrator)', [DEFAULT_USER_ROLE, USER_ADMINISTRATOR]],
  ])('refuses a member of the tenant with %s, and binds nothing', async (_name, wids) => {
    const tenantId = randomUUID();
    const { admin } = await anAdmin();
    emulator.account = { ...anAccount(tenantId), wids };
    const result = await runMicrosoftFlow(api, CONNECT, { cookie: admin.cookie });
    expect(result.location).toBe('/sso?error=admin_role_required');
    expect(await status(admin)).toMatchObject({ microsoftConfigured: true, microsoft: null });
    const bound = await api.app
      .get(DataSource)
      .createQueryBuilder()
      .from('entra_connections', 'c')
      .where('c.tenant_id = :tenantId', { tenantId })
      .getCount();
    expect(bound).toBe(0);
    // The tenant's real admin can still connect it to their own organization.
    const { admin: owner } = await anAdmin();
    emulator.account = anAccount(tenantId);
    expect((await runMicrosoftFlow(api, CONNECT, { cookie: owner.cookie })).location).toBe(
      '/sso?connected=microsoft',
    );
  });

  it('accepts each of the four roles that may connect a tenant', async () => {
    for (const role of [
      '62e90394-69f5-4237-9190-012177145e10',
      'e8611ab8-c189-46e8-94e1-60213ab1f814',
      '9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3',
      '158c047a-c907-4556-b7ef-446551a6b5f7',
    ]) {
      const { admin } = await anAdmin();
      emulator.account = anAccount(randomUUID(), [DEFAULT_USER_ROLE, role]);
      expect((await runMicrosoftFlow(api, CONNECT, { cookie: admin.cookie })).location).toBe(
        '/sso?connected=microsoft',
      );
    }
  });

  it('links the connecting admin: their Microsoft account opens their dashboard session, nobody else’s', async () => {
    const { org, admin } = await anAdmin();
    const connector = anAccount();
    emulator.account = connector;
    await runMicrosoftFlow(api, CONNECT, { cookie: admin.cookie });
    expect((await status(admin)) as unknown).toMatchObject({
      myLinks: { microsoft: { account: connector.preferredUsername }, oidc: null },
    });

    const result = await signInWithMicrosoft(connector);
    expect(result.location).toBe('/');
    const cookie = result.setCookies.find((c) => c.startsWith('rollcall_session=')) ?? '';
    const session = await fetch(`${api.baseUrl}/api/auth/session`, { headers: { Cookie: cookie } });
    expect(await session.json()).toMatchObject({
      admin: { email: org.adminEmail },
      organization: { id: org.orgId },
    });
  });

  it('refuses a tenant already connected to another organization', async () => {
    const tenantId = randomUUID();
    const { admin: first } = await anAdmin();
    const { admin: second } = await anAdmin();
    emulator.account = anAccount(tenantId);
    expect((await runMicrosoftFlow(api, CONNECT, { cookie: first.cookie })).location).toBe(
      '/sso?connected=microsoft',
    );
    emulator.account = anAccount(tenantId);
    const result = await runMicrosoftFlow(api, CONNECT, { cookie: second.cookie });
    expect(result.location).toBe('/sso?error=tenant_taken');
    expect(await status(second)).toMatchObject({ microsoftConfigured: true, microsoft: null });
    expect((await status(first)).microsoft?.tenantId).toBe(tenantId);
  });

  it('says a tenant is taken without naming the organization that holds it', async () => {
    const tenantId = randomUUID();
    const holderName = `Holder ${randomUUID().slice(0, 8)}`;
    const holderOrg = await api.createOrganization(holderName);
    const holder = await AdminClient.signIn(api, holderOrg);
    emulator.account = anAccount(tenantId);
    await runMicrosoftFlow(api, CONNECT, { cookie: holder.cookie });
    const { admin: squatter } = await anAdmin();
    emulator.account = anAccount(tenantId);
    const result = await runMicrosoftFlow(api, CONNECT, { cookie: squatter.cookie });
    expect(result.location).toBe('/sso?error=tenant_taken');
    expect(result.location).not.toContain(holderOrg.orgId);
    // The dashboard's whole view of SSO names nothing of the holder either.
    const view = JSON.stringify(await status(squatter));
    expect(view).not.toContain(holderName);
    expect(view).not.toContain(holderOrg.orgId);
    expect(view).not.toContain(holderOrg.adminEmail);
  });

  it('disconnects with the CSRF token, and then the tenant can be connected elsewhere', async () => {
    const tenantId = randomUUID();
    const { admin } = await anAdmin();
    emulator.account = anAccount(tenantId);
    await runMicrosoftFlow(api, CONNECT, { cookie: admin.cookie });
    // A connected tenant is enough for Require SSO; the last provider's removal turns it off.
    await admin.json(admin.request('PATCH', '/api/sso/policy', { requireSso: true }), 200);

    await admin.error(
      admin.request('DELETE', '/api/sso/microsoft', undefined, { csrf: false }),
      403,
      'CSRF_TOKEN_INVALID',
    );
    const response = await admin.request('DELETE', '/api/sso/microsoft');
    expect(response.status).toBe(204);
    expect(await status(admin)).toMatchObject({
      microsoftConfigured: true,
      microsoft: null,
      policy: { requireSso: false },
    });
    await admin.error(admin.request('DELETE', '/api/sso/microsoft'), 404, 'SSO_NOT_CONNECTED');

    const { admin: other } = await anAdmin();
    emulator.account = anAccount(tenantId);
    expect((await runMicrosoftFlow(api, CONNECT, { cookie: other.cookie })).location).toBe(
      '/sso?connected=microsoft',
    );
  });
});
