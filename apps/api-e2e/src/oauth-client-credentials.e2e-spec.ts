import { randomUUID } from 'node:crypto';
import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify, type JWK } from 'jose';
import type {
  CreatedScimOAuthClientView,
  CreatedScimOAuthSecretView,
  ProvisioningLogPageView,
  ScimOAuthClientView,
  ScimOAuthOverviewView,
} from '@rollcall/contracts';
import { SigningKeyRing, accessTokenClaims } from '@rollcall/scim-oauth';
import { AdminClient, anonymous } from './support/admin-client';
import {
  basicCredentials,
  clientCredentialsToken,
  requestToken,
  type OAuthErrorJson,
  type OAuthTokenJson,
} from './support/oauth-token.client';
import { aScimUser, expectScimError, testConnectionPath } from './support/scim-expectations';
import { TestApi, type TestOrganization } from './support/test-api';

// OAuth 2.0 client credentials for Entra's provisioning service, end to end over HTTP: the
// admin creates a client, Entra exchanges its secret for an access token at /oauth/token and
// calls /scim/v2 with it; secrets rotate, clients are revoked, orgs stay apart.

jest.setTimeout(60_000);

const PUBLIC_URL = 'https://rollcall.test';
const SCIM_AUDIENCE = `${PUBLIC_URL}/scim/v2`;

let api: TestApi;

beforeAll(async () => {
  api = await TestApi.start({ PUBLIC_URL });
});

afterAll(async () => {
  await api?.stop();
});

async function createClient(
  admin: AdminClient,
  body: Record<string, unknown> = { name: 'Entra provisioning' },
): Promise<CreatedScimOAuthClientView> {
  return admin.json<CreatedScimOAuthClientView>(
    admin.request('POST', '/api/scim/oauth/clients', body),
    201,
  );
}

async function expectRefusedOnScim(token: string): Promise<void> {
  const response = await api.scim(token, 'GET', testConnectionPath());
  await expectScimError(response, 401);
  expect(response.headers.get('www-authenticate')).toMatch(/^Bearer\b.*error="invalid_token"/);
}

async function expectAcceptedOnScim(token: string): Promise<void> {
  expect((await api.scim(token, 'GET', testConnectionPath())).status).toBe(200);
}

async function expectTokenError(
  response: Promise<Response>,
  status: number,
  error: string,
): Promise<{ body: OAuthErrorJson; response: Response }> {
  const settled = await response;
  const body = (await settled.json()) as OAuthErrorJson;
  expect({ status: settled.status, error: body.error }).toEqual({ status, error });
  expect(typeof body.error_description).toBe('string');
  expect(settled.headers.get('cache-control')).toBe('no-store');
  return { body, response: settled };
}

/** A token signed by the app's own key with these claim overrides. */
async function signWithAppKey(
  org: string,
  client: ScimOAuthClientView,
  overrides: Record<string, unknown>,
): Promise<string> {
  const claims = accessTokenClaims(
    {
      organizationId: org,
      credentialType: 'client',
      credentialId: client.id,
      subject: client.clientId,
      lifetimeMinutes: 60,
    },
    { issuer: PUBLIC_URL, audience: SCIM_AUDIENCE, now: new Date(), jti: randomUUID() },
  );
  return api.app.get(SigningKeyRing).sign({ ...claims, ...overrides });
}

function reencode(token: string, change: (payload: Record<string, unknown>) => void): string {
  const [header, payload, signature] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) as Record<
    string,
    unknown
  >;
  change(claims);
  return `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
}

describe('OAuth client credentials: the token lifecycle', () => {
  let org: TestOrganization;
  let admin: AdminClient;
  let client: CreatedScimOAuthClientView;

  beforeAll(async () => {
    org = await api.createOrganization('OAuth Org');
    admin = await AdminClient.signIn(api, org);
  });

  it('creates a client through the admin API: the secret is shown once, then never again', async () => {
    client = await createClient(admin);
    expect(client).toEqual({
      id: expect.any(String),
      name: 'Entra provisioning',
      clientId: expect.stringMatching(/^rcc_[A-Za-z0-9_-]{12}$/),
      clientSecret: expect.stringMatching(/^rccs_[A-Za-z0-9_-]{43}$/),
      accessTokenLifetimeMinutes: 60,
      secrets: [
        {
          id: expect.any(String),
          prefix: expect.any(String),
          createdAt: expect.any(String),
          expiresAt: expect.any(String),
          lastUsedAt: null,
          revokedAt: null,
        },
      ],
      createdAt: expect.any(String),
      lastUsedAt: null,
      revokedAt: null,
    });
    const [secret] = client.secrets;
    expect(client.clientSecret.startsWith(secret?.prefix ?? '-')).toBe(true);
    const days =
      (Date.parse(secret?.expiresAt ?? '') - Date.parse(secret?.createdAt ?? '')) / 864e5;
    expect(days).toBe(365);

    const response = await admin.get('/api/scim/oauth');
    const text = await response.clone().text();
    const overview = await admin.json<ScimOAuthOverviewView>(response, 200);
    expect(overview).toMatchObject({
      tokenEndpoint: `${PUBLIC_URL}/oauth/token`,
      jwksUri: `${PUBLIC_URL}/oauth/jwks`,
      clients: [{ id: client.id, clientId: client.clientId }],
      federatedCredentials: [],
    });
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(text).not.toContain(client.clientSecret);
    expect(text).not.toMatch(/hash|clientSecret/i);
  });

  it('issues an access token for client_secret_basic and for client_secret_post', async () => {
    const viaBasic = await requestToken(
      api,
      { grant_type: 'client_credentials', scope: 'scim' },
      { Authorization: basicCredentials(client.clientId, client.clientSecret) },
    );
    const viaPost = await requestToken(api, {
      grant_type: 'client_credentials',
      client_id: client.clientId,
      client_secret: client.clientSecret,
    });
    for (const response of [viaBasic, viaPost]) {
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('pragma')).toBe('no-cache');
      const body = (await response.json()) as OAuthTokenJson;
      expect(body).toEqual({
        access_token: expect.any(String),
        token_type: 'Bearer',
        expires_in: 3600,
        scope: 'scim',
      });
      expect(decodeProtectedHeader(body.access_token)).toEqual({
        alg: 'ES256',
        kid: expect.any(String),
        typ: 'at+jwt',
      });
      const claims = decodeJwt(body.access_token);
      expect(claims).toMatchObject({
        iss: PUBLIC_URL,
        aud: SCIM_AUDIENCE,
        sub: client.clientId,
        org: org.orgId,
        cid: client.id,
        ctype: 'client',
        scope: 'scim',
        jti: expect.any(String),
      });
      expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(3600);
    }
  });

  it('authenticates SCIM requests with the access token, scoped to its organization', async () => {
    const token = await clientCredentialsToken(api, client.clientId, client.clientSecret);
    const created = await api.scim(token, 'POST', '/Users', aScimUser());
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    expect((await api.scim(token, 'GET', `/Users/${id}`)).status).toBe(200);
    // The same user through the org's secret token: one organization, two schemes.
    expect((await api.scim(org.scimToken, 'GET', `/Users/${id}`)).status).toBe(200);

    const { clients } = await admin.json<ScimOAuthOverviewView>(admin.get('/api/scim/oauth'), 200);
    expect(clients[0]?.lastUsedAt).toEqual(expect.any(String));
    expect(clients[0]?.secrets[0]?.lastUsedAt).toEqual(expect.any(String));
  });

  it('answers a wrong secret or an unknown client the same way: 401 invalid_client, no echo', async () => {
    const wrongSecret = `${client.clientSecret.slice(0, -1)}${client.clientSecret.endsWith('A') ? 'B' : 'A'}`;
    const bad = await expectTokenError(
      requestToken(
        api,
        { grant_type: 'client_credentials' },
        { Authorization: basicCredentials(client.clientId, wrongSecret) },
      ),
      401,
      'invalid_client',
    );
    expect(bad.response.headers.get('www-authenticate')).toMatch(/^Basic\b/);
    const unknown = await expectTokenError(
      requestToken(
        api,
        { grant_type: 'client_credentials' },
        { Authorization: basicCredentials('rcc_unknownclien', client.clientSecret) },
      ),
      401,
      'invalid_client',
    );
    expect(unknown.body).toEqual(bad.body);
    const posted = await expectTokenError(
      requestToken(api, {
        grant_type: 'client_credentials',
        client_id: client.clientId,
        client_secret: wrongSecret,
      }),
      401,
      'invalid_client',
    );
    for (const body of [bad.body, unknown.body, posted.body]) {
      expect(JSON.stringify(body)).not.toContain(wrongSecret);
      expect(JSON.stringify(body)).not.toContain(client.clientSecret);
    }
  });

  it('refuses other grants, other scopes, and bodies that are not a form', async () => {
    const auth = { Authorization: basicCredentials(client.clientId, client.clientSecret) };
    await expectTokenError(
      requestToken(api, { grant_type: 'password', username: 'a', password: 'b' }, auth),
      400,
      'unsupported_grant_type',
    );
    await expectTokenError(
      requestToken(api, { grant_type: 'client_credentials', scope: 'scim admin' }, auth),
      400,
      'invalid_scope',
    );
    await expectTokenError(requestToken(api, {}, auth), 400, 'invalid_request');
    const json = fetch(`${api.baseUrl}/oauth/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...auth },
      body: JSON.stringify({ grant_type: 'client_credentials' }),
    });
    await expectTokenError(json, 400, 'invalid_request');
    // Bodies the parser refuses are answered in RFC 6749's shape too, not the admin API's.
    const broken = fetch(`${api.baseUrl}/oauth/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...auth },
      body: '{"grant_type":',
    });
    await expectTokenError(broken, 400, 'invalid_request');
    const huge = fetch(`${api.baseUrl}/oauth/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...auth },
      body: `grant_type=client_credentials&pad=${'a'.repeat(2 * 1024 * 1024)}`,
    });
    await expectTokenError(huge, 413, 'invalid_request');
  });

  it('refuses an expired access token and accepts the same one unexpired', async () => {
    const past = Math.floor(Date.now() / 1000) - 7200;
    const expired = await signWithAppKey(org.orgId, client, { iat: past, exp: past + 3600 });
    await expectRefusedOnScim(expired);
    await expectAcceptedOnScim(await signWithAppKey(org.orgId, client, {}));
  });

  it('refuses tampered, wrong-audience and foreign-issuer tokens', async () => {
    const token = await clientCredentialsToken(api, client.clientId, client.clientSecret);
    await expectAcceptedOnScim(token);
    const other = await api.createOrganization('Tamper Target');
    await expectRefusedOnScim(reencode(token, (claims) => (claims['org'] = other.orgId)));
    await expectRefusedOnScim(reencode(token, (claims) => (claims['exp'] = 4102444800)));
    const [head, body, signature = ''] = token.split('.');
    const flipped = `${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;
    await expectRefusedOnScim(`${head}.${body}.${flipped}`);
    await expectRefusedOnScim(
      await signWithAppKey(org.orgId, client, { aud: `${PUBLIC_URL}/api` }),
    );
    await expectRefusedOnScim(
      await signWithAppKey(org.orgId, client, { iss: 'https://elsewhere.example' }),
    );
    await expectRefusedOnScim(await signWithAppKey(org.orgId, client, { scope: 'admin' }));
  });

  it('rotates a secret: both work, then the revoked one and its tokens stop', async () => {
    const added = await admin.json<CreatedScimOAuthSecretView>(
      admin.request('POST', `/api/scim/oauth/clients/${client.id}/secrets`, { lifetimeDays: 730 }),
      201,
    );
    expect(added.clientSecret).toMatch(/^rccs_/);
    expect(added.clientSecret).not.toBe(client.clientSecret);
    expect(Date.parse(added.secret.expiresAt) - Date.parse(added.secret.createdAt)).toBe(
      730 * 864e5,
    );
    const oldToken = await clientCredentialsToken(api, client.clientId, client.clientSecret);
    const newToken = await clientCredentialsToken(api, client.clientId, added.clientSecret);
    await expectAcceptedOnScim(oldToken);
    await expectAcceptedOnScim(newToken);

    const oldSecretId = client.secrets[0]?.id ?? '';
    const revoked = await admin.request(
      'DELETE',
      `/api/scim/oauth/clients/${client.id}/secrets/${oldSecretId}`,
    );
    expect(revoked.status).toBe(204);
    await expectTokenError(
      requestToken(
        api,
        { grant_type: 'client_credentials' },
        { Authorization: basicCredentials(client.clientId, client.clientSecret) },
      ),
      401,
      'invalid_client',
    );
    await expectRefusedOnScim(oldToken);
    await expectAcceptedOnScim(newToken);
    await expectAcceptedOnScim(
      await clientCredentialsToken(api, client.clientId, added.clientSecret),
    );

    const { clients } = await admin.json<ScimOAuthOverviewView>(admin.get('/api/scim/oauth'), 200);
    const secrets = clients.find((c) => c.id === client.id)?.secrets ?? [];
    expect(secrets.map((s) => [s.id, s.revokedAt === null])).toEqual([
      [added.secret.id, true],
      [oldSecretId, false],
    ]);
    client = { ...client, clientSecret: added.clientSecret };
  });

  it('applies a changed lifetime to the tokens issued next', async () => {
    const updated = await admin.json<ScimOAuthClientView>(
      admin.request('PATCH', `/api/scim/oauth/clients/${client.id}`, {
        name: 'Entra (prod)',
        accessTokenLifetimeMinutes: 360,
      }),
      200,
    );
    expect(updated).toMatchObject({ name: 'Entra (prod)', accessTokenLifetimeMinutes: 360 });
    const response = await requestToken(
      api,
      { grant_type: 'client_credentials' },
      { Authorization: basicCredentials(client.clientId, client.clientSecret) },
    );
    expect(((await response.json()) as OAuthTokenJson).expires_in).toBe(21600);
  });

  it('keeps secrets and tokens out of the provisioning log, which names the client', async () => {
    const token = await clientCredentialsToken(api, client.clientId, client.clientSecret);
    expect((await api.scim(token, 'GET', '/Users?count=1')).status).toBe(200);
    const response = await admin.get('/api/provisioning-log');
    const text = await response.clone().text();
    const { entries } = await admin.json<ProvisioningLogPageView>(response, 200);
    expect(entries[0]).toMatchObject({ path: '/scim/v2/Users', tokenPrefix: client.clientId });
    expect(text).not.toContain(client.clientSecret);
    expect(text).not.toContain(token);
    expect(text).not.toContain(token.split('.')[2]);
  });

  it('revoking the client ends the tokens it holds at once, and it gets no more', async () => {
    const token = await clientCredentialsToken(api, client.clientId, client.clientSecret);
    await expectAcceptedOnScim(token);
    expect((await admin.request('DELETE', `/api/scim/oauth/clients/${client.id}`)).status).toBe(
      204,
    );
    await expectRefusedOnScim(token);
    await expectTokenError(
      requestToken(api, {
        grant_type: 'client_credentials',
        client_id: client.clientId,
        client_secret: client.clientSecret,
      }),
      401,
      'invalid_client',
    );
    // A revoked client takes no new secrets and no changes; revoking again is harmless.
    await admin.error(
      admin.request('POST', `/api/scim/oauth/clients/${client.id}/secrets`, {}),
      409,
      'OAUTH_CLIENT_REVOKED',
    );
    expect((await admin.request('DELETE', `/api/scim/oauth/clients/${client.id}`)).status).toBe(
      204,
    );
    const { clients } = await admin.json<ScimOAuthOverviewView>(admin.get('/api/scim/oauth'), 200);
    expect(clients[0]?.revokedAt).toEqual(expect.any(String));
  });
});

describe('OAuth client credentials: tenant isolation', () => {
  it('a token only ever sees its own organization', async () => {
    const orgA = await api.createOrganization('Isolation A');
    const orgB = await api.createOrganization('Isolation B');
    const [adminA, adminB] = await Promise.all([
      AdminClient.signIn(api, orgA),
      AdminClient.signIn(api, orgB),
    ]);
    const clientA = await createClient(adminA);
    const clientB = await createClient(adminB);
    const tokenA = await clientCredentialsToken(api, clientA.clientId, clientA.clientSecret);
    const tokenB = await clientCredentialsToken(api, clientB.clientId, clientB.clientSecret);
    expect(decodeJwt(tokenB)['org']).toBe(orgB.orgId);

    const user = aScimUser();
    const created = await api.scim(tokenA, 'POST', '/Users', user);
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    await expectScimError(await api.scim(tokenB, 'GET', `/Users/${id}`), 404);
    await expectScimError(await api.scim(tokenB, 'DELETE', `/Users/${id}`), 404);
    const filter = encodeURIComponent(`userName eq "${String(user['userName'])}"`);
    const listed = await api.scim(tokenB, 'GET', `/Users?filter=${filter}`);
    expect(((await listed.json()) as { totalResults: number }).totalResults).toBe(0);
    expect((await api.scim(tokenA, 'GET', `/Users/${id}`)).status).toBe(200);

    // Another org's client is as unknown to this admin as a made-up id.
    await adminB.error(
      adminB.request('PATCH', `/api/scim/oauth/clients/${clientA.id}`, { name: 'mine' }),
      404,
      'OAUTH_CLIENT_NOT_FOUND',
    );
    await adminB.error(
      adminB.request('DELETE', `/api/scim/oauth/clients/${clientA.id}`),
      404,
      'OAUTH_CLIENT_NOT_FOUND',
    );
    await adminB.error(
      adminB.request('POST', `/api/scim/oauth/clients/${clientA.id}/secrets`, {}),
      404,
      'OAUTH_CLIENT_NOT_FOUND',
    );
    await adminB.error(
      adminB.request(
        'DELETE',
        `/api/scim/oauth/clients/${clientA.id}/secrets/${clientA.secrets[0]?.id ?? ''}`,
      ),
      404,
      'OAUTH_CLIENT_NOT_FOUND',
    );
    await expectAcceptedOnScim(tokenA);
  });

  it('issues no token for an organization with provisioning off', async () => {
    const org = await api.createOrganization('Provisioning Off');
    const admin = await AdminClient.signIn(api, org);
    const client = await createClient(admin);
    await admin.json(
      admin.request('PATCH', '/api/organization/settings', { scimEnabled: false }),
      200,
    );
    await expectTokenError(
      requestToken(
        api,
        { grant_type: 'client_credentials' },
        { Authorization: basicCredentials(client.clientId, client.clientSecret) },
      ),
      401,
      'invalid_client',
    );
  });
});

describe('OAuth admin API: validation and access', () => {
  let admin: AdminClient;

  beforeAll(async () => {
    admin = await AdminClient.signIn(api, await api.createOrganization('Validation Org'));
  });

  it('answers 401 without a session and 403 without the CSRF header', async () => {
    await admin.error(anonymous(api, 'GET', '/api/scim/oauth'), 401, 'UNAUTHENTICATED');
    await admin.error(
      anonymous(api, 'POST', '/api/scim/oauth/clients', { name: 'x' }),
      401,
      'UNAUTHENTICATED',
    );
    await admin.error(
      admin.request('POST', '/api/scim/oauth/clients', { name: 'x' }, { csrf: false }),
      403,
      'CSRF_TOKEN_INVALID',
    );
    const { clients } = await admin.json<ScimOAuthOverviewView>(admin.get('/api/scim/oauth'), 200);
    expect(clients).toEqual([]);
  });

  it.each([
    [{}, 'BAD_REQUEST'],
    [{ name: '   ' }, 'OAUTH_CLIENT_NAME_INVALID'],
    [{ name: 'x'.repeat(101) }, 'OAUTH_CLIENT_NAME_INVALID'],
    [{ name: 'x', accessTokenLifetimeMinutes: 59 }, 'ACCESS_TOKEN_LIFETIME_INVALID'],
    [{ name: 'x', accessTokenLifetimeMinutes: 361 }, 'ACCESS_TOKEN_LIFETIME_INVALID'],
    [{ name: 'x', accessTokenLifetimeMinutes: '60' }, 'BAD_REQUEST'],
    [{ name: 'x', secretLifetimeDays: 364 }, 'CLIENT_SECRET_LIFETIME_INVALID'],
    [{ name: 'x', secretLifetimeDays: 1096 }, 'CLIENT_SECRET_LIFETIME_INVALID'],
  ])('refuses to create a client from %j with 400 %s', async (body, code) => {
    await admin.error(admin.request('POST', '/api/scim/oauth/clients', body), 400, code);
  });

  it('takes a 3-year secret and a 6-hour token lifetime, and no more than 5 live secrets', async () => {
    const client = await createClient(admin, {
      name: 'Bounds',
      accessTokenLifetimeMinutes: 360,
      secretLifetimeDays: 1095,
    });
    expect(client.accessTokenLifetimeMinutes).toBe(360);
    for (let i = 0; i < 4; i++) {
      await admin.json(admin.request('POST', `/api/scim/oauth/clients/${client.id}/secrets`), 201);
    }
    await admin.error(
      admin.request('POST', `/api/scim/oauth/clients/${client.id}/secrets`),
      409,
      'OAUTH_CLIENT_SECRET_LIMIT_REACHED',
    );
    await admin.error(
      admin.request('DELETE', `/api/scim/oauth/clients/${client.id}/secrets/${randomUUID()}`),
      404,
      'OAUTH_CLIENT_SECRET_NOT_FOUND',
    );
    await admin.error(
      admin.request('PATCH', `/api/scim/oauth/clients/${client.id}`, {
        accessTokenLifetimeMinutes: 30,
      }),
      400,
      'ACCESS_TOKEN_LIFETIME_INVALID',
    );
  });
});

describe('published keys and metadata', () => {
  it('serves public keys only, and they verify the access tokens', async () => {
    const org = await api.createOrganization('JWKS Org');
    const admin = await AdminClient.signIn(api, org);
    const client = await createClient(admin);
    const token = await clientCredentialsToken(api, client.clientId, client.clientSecret);

    const response = await fetch(`${api.baseUrl}/oauth/jwks`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toMatch(/max-age=\d+/);
    const jwks = (await response.json()) as { keys: JWK[] };
    expect(jwks.keys.length).toBeGreaterThan(0);
    for (const key of jwks.keys) {
      expect(key).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
      expect(key).not.toHaveProperty('d');
    }
    expect(jwks.keys.map((k) => k.kid)).toContain(decodeProtectedHeader(token).kid);
    const { payload } = await jwtVerify(token, createLocalJWKSet(jwks), {
      issuer: PUBLIC_URL,
      audience: SCIM_AUDIENCE,
    });
    expect(payload['org']).toBe(org.orgId);
  });

  it('describes the authorization server (RFC 8414)', async () => {
    const response = await fetch(`${api.baseUrl}/.well-known/oauth-authorization-server`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      issuer: PUBLIC_URL,
      token_endpoint: `${PUBLIC_URL}/oauth/token`,
      jwks_uri: `${PUBLIC_URL}/oauth/jwks`,
      grant_types_supported: ['client_credentials', 'urn:ietf:params:oauth:grant-type:jwt-bearer'],
      token_endpoint_auth_methods_supported: expect.arrayContaining([
        'client_secret_basic',
        'client_secret_post',
        'private_key_jwt',
      ]),
      scopes_supported: ['scim'],
    });
  });

  it('still authenticates secret tokens next to access tokens', async () => {
    const org = await api.createOrganization('Both Schemes');
    await expectAcceptedOnScim(org.scimToken);
    // JWT-shaped but not a Rollcall access token: refused like any unknown bearer.
    await expectRefusedOnScim(`${org.scimToken.slice(0, -1)}.x.y`);
  });
});
