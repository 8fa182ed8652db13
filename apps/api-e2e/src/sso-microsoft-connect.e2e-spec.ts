import { randomUUID } from 'node:crypto';
import { AdminClient } from './support/admin-client';
import {
  EntraEmulator,
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

  function anAccount(tenantId = randomUUID()): EmulatedAccount {
    return { tenantId, oid: randomUUID(), preferredUsername: `it-${randomUUID()}@contoso.example` };
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
