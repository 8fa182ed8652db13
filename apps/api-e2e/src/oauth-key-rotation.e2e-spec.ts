import { ModuleRef } from '@nestjs/core';
import { decodeProtectedHeader, type JWK } from 'jose';
import { DataSource } from 'typeorm';
import {
  CreateOAuthClient,
  ScimOAuthModule,
  SigningKeyRing,
  type AccessTokenClaims,
} from '@rollcall/scim-oauth';
import { clientCredentialsToken } from './support/oauth-token.client';
import { testConnectionPath } from './support/scim-expectations';
import { TestApi, type TestOrganization } from './support/test-api';

// Signing keys rotate on a schedule every replica computes from the same rows. A second
// SigningKeyRing over the same database plays another replica; moving a key's dates in the
// table plays the passing of its 30 days.

const HOUR_MS = 60 * 60 * 1000;

let api: TestApi;
let org: TestOrganization;
let clientId: string;
let clientSecret: string;
let clientRowId: string;

beforeAll(async () => {
  api = await TestApi.start({ PUBLIC_URL: 'https://rollcall.test' });
  org = await api.createOrganization();
  const created = await api.app.get(CreateOAuthClient).execute({
    organizationId: org.orgId,
    name: 'Entra provisioning',
    actor: 'admin:test@example.com',
  });
  clientId = created.client.clientId;
  clientSecret = created.clientSecret;
  clientRowId = created.client.id;
});

afterAll(async () => {
  await api?.stop();
});

const kidOf = (token: string) => decodeProtectedHeader(token).kid;

async function jwksKids(): Promise<string[]> {
  const response = await fetch(`${api.baseUrl}/oauth/jwks`);
  return ((await response.json()) as { keys: JWK[] }).keys.map((k) => String(k.kid));
}

async function scimStatus(token: string): Promise<number> {
  return (await api.scim(token, 'GET', testConnectionPath())).status;
}

/** A ring of its own (nothing loaded yet) over the same database, as on another replica. */
function anotherReplica(): Promise<SigningKeyRing> {
  return api.app.select(ScimOAuthModule).get(ModuleRef, { strict: true }).create(SigningKeyRing);
}

async function moveKey(kid: string, dates: { activatesAt: Date; signsUntil: Date }) {
  await api.app
    .get(DataSource)
    .createQueryBuilder()
    .update('oauth_signing_keys')
    .set({ activatesAt: dates.activatesAt, signsUntil: dates.signsUntil })
    .where('kid = :kid', { kid })
    .execute();
}

it('rotates: a retired key keeps its tokens valid while they can live, then leaves the JWKS', async () => {
  const first = await clientCredentialsToken(api, clientId, clientSecret);
  const firstKid = kidOf(first);
  expect(await jwksKids()).toEqual([firstKid]);

  // 30 days later: the first key's signing period ended an hour ago.
  const now = Date.now();
  await moveKey(String(firstKid), {
    activatesAt: new Date(now - 30 * 24 * HOUR_MS),
    signsUntil: new Date(now - HOUR_MS),
  });
  const replica = await anotherReplica();
  const claims: AccessTokenClaims = {
    iss: 'https://rollcall.test',
    aud: 'https://rollcall.test/scim/v2',
    sub: clientId,
    org: org.orgId,
    cid: clientRowId,
    ctype: 'client',
    scope: 'scim',
    iat: Math.floor(now / 1000),
    exp: Math.floor(now / 1000) + 600,
    jti: 'rotation-check',
  };
  const fromReplica = await replica.sign(claims);
  const secondKid = kidOf(fromReplica);
  expect(secondKid).not.toBe(firstKid);
  expect((await replica.jwks()).keys.map((k) => k.kid).sort()).toEqual(
    [firstKid, secondKid].sort(),
  );

  // The API has never seen the new key: an unknown kid makes it read the table again, so a
  // token the other replica signed is accepted at once.
  expect(await scimStatus(fromReplica)).toBe(200);
  const ring = api.app.get(SigningKeyRing);
  expect(await ring.verificationKey(secondKid)).toBeDefined();
  // The token signed before the rotation still works: its key stays published 6 hours.
  expect(await scimStatus(first)).toBe(200);
  expect(await ring.verificationKey(firstKid)).toBeDefined();

  // 6 hours after the first key stopped signing no token of it can be live: it is dropped.
  await moveKey(String(firstKid), {
    activatesAt: new Date(now - 31 * 24 * HOUR_MS),
    signsUntil: new Date(now - 7 * HOUR_MS),
  });
  const later = await anotherReplica();
  expect((await later.jwks()).keys.map((k) => k.kid)).toEqual([secondKid]);
  expect(await later.verificationKey(firstKid)).toBeUndefined();
  const rows = await api.app
    .get(DataSource)
    .query('SELECT kid FROM oauth_signing_keys ORDER BY kid');
  expect((rows as { kid: string }[]).map((r) => r.kid)).toEqual([secondKid]);
});
