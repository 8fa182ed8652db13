import { randomUUID } from 'node:crypto';
import { decodeJwt, type JWTPayload } from 'jose';
import type { ScimFederatedCredentialView, ScimOAuthOverviewView } from '@rollcall/contracts';
import { AdminClient } from './support/admin-client';
import { accessTokenOf, requestToken, type OAuthErrorJson } from './support/oauth-token.client';
import { expectScimError, testConnectionPath } from './support/scim-expectations';
import { TestApi, type TestOrganization } from './support/test-api';
import { WorkloadIdentityIssuer } from './support/workload-identity-issuer';

// Workload identity federation (RFC 7523): Entra's provisioning service presents a JWT its
// tenant signed, Rollcall checks it against the trusted issuer's published keys and answers
// with its own access token. A local issuer plays Entra, with keys generated here.

jest.setTimeout(60_000);

const PUBLIC_URL = 'https://rollcall.test';
const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
const CLIENT_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

let api: TestApi;
let entra: WorkloadIdentityIssuer;
let org: TestOrganization;
let admin: AdminClient;
let credential: ScimFederatedCredentialView;
/** The audience Rollcall assigned to `credential`, which the admin gives to Entra. */
let audience: string;
/** The provisioning app's service principal id in the customer's tenant: the JWTs' `sub`. */
const servicePrincipalId = randomUUID();

beforeAll(async () => {
  entra = await WorkloadIdentityIssuer.start();
  api = await TestApi.start({ PUBLIC_URL });
  org = await api.createOrganization('Federated Org');
  admin = await AdminClient.signIn(api, org);
  credential = await admin.json<ScimFederatedCredentialView>(
    admin.request('POST', '/api/scim/oauth/federated-credentials', {
      name: 'Entra provisioning',
      issuer: entra.issuer,
      subject: servicePrincipalId,
    }),
    201,
  );
  audience = credential.audience;
});

afterAll(async () => {
  await api?.stop();
  await entra?.stop();
});

function claims(overrides: JWTPayload = {}): JWTPayload {
  return entra.claims(servicePrincipalId, audience, overrides);
}

function exchange(assertion: string): Promise<Response> {
  return requestToken(api, { grant_type: JWT_BEARER, assertion, scope: 'scim' });
}

function exchangeAsClientAssertion(assertion: string): Promise<Response> {
  return requestToken(api, {
    grant_type: 'client_credentials',
    client_assertion_type: CLIENT_ASSERTION_TYPE,
    client_assertion: assertion,
  });
}

/** The exchange is refused with 400 invalid_grant, and the answer never repeats the JWT. */
async function expectRefused(assertion: string): Promise<void> {
  const response = await exchange(assertion);
  const text = await response.text();
  expect({ status: response.status, error: (JSON.parse(text) as OAuthErrorJson).error }).toEqual({
    status: 400,
    error: 'invalid_grant',
  });
  expect(text).not.toContain(assertion);
  expect(text).not.toContain(assertion.split('.')[1] ?? '-');
}

async function scimStatus(token: string): Promise<number> {
  return (await api.scim(token, 'GET', testConnectionPath())).status;
}

describe('registering a trusted issuer', () => {
  it('lists the credential with what was registered, its own audience and no last use yet', async () => {
    expect(credential).toEqual({
      id: expect.any(String),
      name: 'Entra provisioning',
      issuer: entra.issuer,
      subject: servicePrincipalId,
      // The Application ID URI form Entra accepts for the tenant's workload identity app.
      audience: expect.stringMatching(
        new RegExp(`^api://${entra.tenantId}/rollcall-scim-[0-9a-f]{32}$`),
      ) as string,
      jwksUri: null,
      accessTokenLifetimeMinutes: 60,
      createdAt: expect.any(String),
      lastUsedAt: null,
      revokedAt: null,
    });
    const overview = await admin.json<ScimOAuthOverviewView>(admin.get('/api/scim/oauth'), 200);
    expect(overview.federatedCredentials).toEqual([credential]);
  });

  it('assigns the audience itself, ignoring one sent, and refuses untrusted URLs', async () => {
    const other = await api.createOrganization('Second Federated Org');
    const otherAdmin = await AdminClient.signIn(api, other);
    const created = await otherAdmin.json<ScimFederatedCredentialView>(
      otherAdmin.request('POST', '/api/scim/oauth/federated-credentials', {
        name: 'Chosen audience',
        issuer: entra.issuer,
        subject: randomUUID(),
        audience: 'api://chosen-by-the-caller',
      }),
      201,
    );
    expect(created.audience).toMatch(/^api:\/\/[0-9a-f-]{36}\/rollcall-scim-[0-9a-f]{32}$/);
    expect(created.audience).not.toBe(audience);
    for (const body of [
      { name: 'x', issuer: 'http://login.example.com/tenant/v2.0', subject: 's' },
      { name: 'x', issuer: 'not a url', subject: 's' },
      { name: 'x', issuer: entra.issuer, subject: '' },
      { name: 'x', issuer: entra.issuer, subject: 's', jwksUri: 'http://keys.example.com/' },
    ]) {
      await otherAdmin.error(
        otherAdmin.request('POST', '/api/scim/oauth/federated-credentials', body),
        400,
        'FEDERATED_CREDENTIAL_INVALID',
      );
    }
    // Within one organization a live (issuer, subject) pair is trusted once.
    const pair = { issuer: entra.issuer, subject: created.subject };
    const again = await otherAdmin.error(
      otherAdmin.request('POST', '/api/scim/oauth/federated-credentials', {
        name: 'Copy',
        ...pair,
      }),
      409,
      'FEDERATED_CREDENTIAL_TAKEN',
    );
    expect(again.message).toContain('This organization');
    await otherAdmin.error(
      otherAdmin.request('DELETE', `/api/scim/oauth/federated-credentials/${credential.id}`),
      404,
      'FEDERATED_CREDENTIAL_NOT_FOUND',
    );
  });
});

describe("another organization registering this one's issuer and subject", () => {
  let squatter: TestOrganization;
  let squatterAdmin: AdminClient;
  let squatted: ScimFederatedCredentialView;

  beforeAll(async () => {
    squatter = await api.createOrganization('Squatter Org');
    squatterAdmin = await AdminClient.signIn(api, squatter);
    const response = await squatterAdmin.request('POST', '/api/scim/oauth/federated-credentials', {
      name: 'Not ours',
      issuer: entra.issuer,
      subject: servicePrincipalId,
      audience,
    });
    // Accepted like any registration: a refusal would tell the squatter the pair is trusted.
    expect(response.status).toBe(201);
    squatted = (await response.json()) as ScimFederatedCredentialView;
  });

  it('gets a credential of its own with a different audience, revealing nothing', async () => {
    expect(squatted).toMatchObject({ issuer: entra.issuer, subject: servicePrincipalId });
    expect(squatted.audience).not.toBe(audience);
    const text = JSON.stringify(squatted);
    expect(text).not.toContain(credential.id);
    expect(text).not.toContain(org.orgId);
    const overview = await squatterAdmin.json<ScimOAuthOverviewView>(
      squatterAdmin.get('/api/scim/oauth'),
      200,
    );
    expect(overview.federatedCredentials.map((c) => c.id)).toEqual([squatted.id]);
  });

  it("never turns the victim's assertion into a token for the squatter", async () => {
    for (let i = 0; i < 3; i += 1) {
      const token = await accessTokenOf(exchange(await entra.sign(claims())));
      expect(decodeJwt(token)).toMatchObject({ org: org.orgId, cid: credential.id });
    }
    const overview = await squatterAdmin.json<ScimOAuthOverviewView>(
      squatterAdmin.get('/api/scim/oauth'),
      200,
    );
    expect(overview.federatedCredentials[0]?.lastUsedAt).toBeNull();
  });

  it("refuses an assertion naming both organizations' audiences", async () => {
    await expectRefused(await entra.sign(claims({ aud: [audience, squatted.audience] })));
  });

  it("gives the squatter only its own audience's assertions, never the victim's", async () => {
    const token = await accessTokenOf(
      exchange(await entra.sign(claims({ aud: squatted.audience }))),
    );
    expect(decodeJwt(token)).toMatchObject({ org: squatter.orgId, cid: squatted.id });
  });
});

describe('exchanging a federated JWT', () => {
  it('exchanges a good assertion for an access token that works on SCIM', async () => {
    const response = await exchange(await entra.sign(claims()));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = (await response.json()) as { access_token: string; expires_in: number };
    expect(body.expires_in).toBe(3600);
    expect(decodeJwt(body.access_token)).toMatchObject({
      iss: PUBLIC_URL,
      aud: `${PUBLIC_URL}/scim/v2`,
      sub: credential.id,
      org: org.orgId,
      cid: credential.id,
      ctype: 'federated',
    });
    expect(await scimStatus(body.access_token)).toBe(200);
    // The keys were found through the issuer's discovery document.
    expect(entra.requests).toEqual(
      expect.arrayContaining([
        `/${entra.tenantId}/v2.0/.well-known/openid-configuration`,
        `/${entra.tenantId}/discovery/v2.0/keys`,
      ]),
    );
    const overview = await admin.json<ScimOAuthOverviewView>(admin.get('/api/scim/oauth'), 200);
    expect(overview.federatedCredentials[0]?.lastUsedAt).toEqual(expect.any(String));
  });

  it('accepts the JWT as a client assertion too, and an ES256 key of the issuer', async () => {
    const token = await accessTokenOf(
      exchangeAsClientAssertion(await entra.sign(claims(), { kid: 'ec-1' })),
    );
    expect(await scimStatus(token)).toBe(200);
  });

  it('answers a bad client assertion with 401 invalid_client', async () => {
    const response = await exchangeAsClientAssertion(
      await entra.sign(claims({ aud: 'api://someone-else' })),
    );
    expect(response.status).toBe(401);
    expect(((await response.json()) as OAuthErrorJson).error).toBe('invalid_client');
  });

  it('refuses a wrong audience', async () => {
    await expectRefused(await entra.sign(claims({ aud: 'api://someone-else' })));
  });

  it('refuses a wrong issuer, even one signed with the trusted keys', async () => {
    await expectRefused(await entra.sign(claims({ iss: `${entra.origin}/${randomUUID()}/v2.0` })));
    await expectRefused(await entra.sign(claims({ iss: `${entra.issuer}/` })));
  });

  it('refuses a wrong subject', async () => {
    await expectRefused(await entra.sign(claims({ sub: randomUUID() })));
  });

  it('refuses an expired assertion, one not valid yet, and one too old', async () => {
    const now = Math.floor(Date.now() / 1000);
    await expectRefused(
      await entra.sign(claims({ iat: now - 900, nbf: now - 900, exp: now - 120 })),
    );
    await expectRefused(await entra.sign(claims({ nbf: now + 300, exp: now + 900 })));
    await expectRefused(await entra.sign(claims({ iat: now - 7200, nbf: now - 7200 })));
    await expectRefused(await entra.sign(claims({ exp: undefined })));
  });

  it('refuses a replayed jti: the second exchange of one assertion fails', async () => {
    const assertion = await entra.sign(claims());
    expect((await exchange(assertion)).status).toBe(200);
    await expectRefused(assertion);
    // Another assertion with the same jti is a replay as well.
    const { jti } = decodeJwt(assertion);
    await expectRefused(await entra.sign(claims({ jti })));
  });

  it('refuses an assertion with neither jti nor uti', async () => {
    await expectRefused(await entra.sign(claims({ jti: undefined })));
  });

  it('takes uti, the token id of Entra-issued tokens, when there is no jti, and refuses its replay', async () => {
    const assertion = await entra.sign(claims({ jti: undefined, uti: randomUUID() }));
    expect((await exchange(assertion)).status).toBe(200);
    await expectRefused(assertion);
  });

  it('refuses a key the issuer does not publish (unknown kid)', async () => {
    await expectRefused(await entra.sign(claims(), { kid: 'unpublished' }));
  });

  it('refuses alg none, HS256, and a tampered payload', async () => {
    await expectRefused(WorkloadIdentityIssuer.unsigned(claims()));
    const jwks = (await (await fetch(entra.jwksUri)).json()) as { keys: { n?: string }[] };
    // The classic confusion: HMAC keyed with the issuer's public key.
    await expectRefused(await WorkloadIdentityIssuer.signHs256(claims(), jwks.keys[0]?.n ?? 'k'));
    const [header, , signature] = (await entra.sign(claims())).split('.');
    const forged = Buffer.from(JSON.stringify(claims({ exp: 4102444800 }))).toString('base64url');
    await expectRefused(`${header}.${forged}.${signature}`);
  });

  it('revoking the credential refuses new exchanges and the access tokens it got', async () => {
    const token = await accessTokenOf(exchange(await entra.sign(claims())));
    expect(await scimStatus(token)).toBe(200);
    const revoked = await admin.request(
      'DELETE',
      `/api/scim/oauth/federated-credentials/${credential.id}`,
    );
    expect(revoked.status).toBe(204);
    await expectScimError(await api.scim(token, 'GET', testConnectionPath()), 401);
    await expectRefused(await entra.sign(claims()));
    const overview = await admin.json<ScimOAuthOverviewView>(admin.get('/api/scim/oauth'), 200);
    expect(overview.federatedCredentials[0]?.revokedAt).toEqual(expect.any(String));
  });

  it('uses an explicit JWKS URI when one is registered', async () => {
    const subject = randomUUID();
    const explicit = await admin.json<ScimFederatedCredentialView>(
      admin.request('POST', '/api/scim/oauth/federated-credentials', {
        name: 'Explicit keys',
        issuer: entra.issuer,
        subject,
        jwksUri: entra.jwksUri,
        accessTokenLifetimeMinutes: 120,
      }),
      201,
    );
    const response = await exchange(await entra.sign(entra.claims(subject, explicit.audience)));
    expect(response.status).toBe(200);
    expect(((await response.json()) as { expires_in: number }).expires_in).toBe(7200);
  });
});
