import { createHash, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  CreateScimToken,
  ListScimTokens,
  OrganizationError,
  RevokeScimToken,
  UpdateOrganizationSettings,
  type OrganizationErrorCode,
} from '@rollcall/organizations';
import { rawRequest } from './support/raw-http';
import {
  LIST_RESPONSE_URN,
  aScimUser,
  expectListResponse,
  expectScimContentType,
  expectScimError,
  testConnectionPath,
} from './support/scim-expectations';
import { TestApi, type TestOrganization } from './support/test-api';

// The SCIM edge's front door: Entra's Test Connection, bearer tokens and their rotation,
// and tenant isolation. Tokens are issued and revoked through the use cases the dashboard
// and the CLI call, and always checked over HTTP.

let api: TestApi;

beforeAll(async () => {
  api = await TestApi.start();
});

afterAll(async () => {
  await api.stop();
});

async function expectOrganizationError(
  work: Promise<unknown>,
  code: OrganizationErrorCode,
): Promise<void> {
  const error: unknown = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(OrganizationError);
  expect((error as OrganizationError).code).toBe(code);
}

/** Entra's Test Connection with this token: 200 means the token is live. */
function testConnection(token: string): Promise<Response> {
  return api.scim(token, 'GET', testConnectionPath());
}

async function expectTokenAccepted(token: string): Promise<void> {
  const response = await testConnection(token);
  expect(response.status).toBe(200);
}

async function expectTokenRefused(token: string): Promise<void> {
  const response = await testConnection(token);
  await expectScimError(response, 401);
  expect(response.headers.get('www-authenticate')).toMatch(/^Bearer\b.*error="invalid_token"/);
}

describe('Entra Test Connection', () => {
  let org: TestOrganization;

  beforeAll(async () => {
    org = await api.createOrganization('Test Connection Org');
  });

  it('answers a userName filter for a random GUID with an empty ListResponse', async () => {
    const response = await testConnection(org.scimToken);
    const body = await expectListResponse(response);
    expect(body).toEqual({
      schemas: [LIST_RESPONSE_URN],
      totalResults: 0,
      startIndex: 1,
      itemsPerPage: 0,
      Resources: [],
    });
  });

  it.each([
    ['before the filter', (filter: string) => `?aadOptscim062020&filter=${filter}`],
    ['after the filter', (filter: string) => `?filter=${filter}&aadOptscim062020`],
  ])(
    'accepts the aadOptscim062020 flag %s and a request without User-Agent',
    async (_where, query) => {
      const filter = encodeURIComponent(`userName eq "${randomUUID()}"`);
      const response = await rawRequest(`${api.baseUrl}/scim/v2/Users${query(filter)}`, {
        headers: { Authorization: `Bearer ${org.scimToken}`, Accept: 'application/scim+json' },
      });
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/^application\/scim\+json\b/);
      expect(JSON.parse(response.body)).toMatchObject({ totalResults: 0, Resources: [] });
    },
  );
});

describe('bearer authentication', () => {
  let org: TestOrganization;

  beforeAll(async () => {
    org = await api.createOrganization('Bearer Org');
  });

  it('answers a request without a token with 401, the SCIM envelope and a Bearer challenge', async () => {
    const response = await api.scim(undefined, 'GET', testConnectionPath());
    await expectScimError(response, 401);
    const challenge = response.headers.get('www-authenticate');
    expect(challenge).toMatch(/^Bearer\b/);
    expect(challenge).not.toContain('invalid_token');
  });

  it('answers an unknown token with 401 and error="invalid_token" in the challenge', async () => {
    await expectTokenRefused(`rcs_${'A'.repeat(43)}`);
  });

  it('refuses a valid token with one character changed', async () => {
    const last = org.scimToken.slice(-1);
    await expectTokenRefused(`${org.scimToken.slice(0, -1)}${last === 'A' ? 'B' : 'A'}`);
  });

  it('refuses a token sent with another scheme', async () => {
    const response = await api.scim(undefined, 'GET', testConnectionPath(), undefined, {
      Authorization: `Basic ${Buffer.from(`x:${org.scimToken}`).toString('base64')}`,
    });
    await expectScimError(response, 401);
  });

  it('refuses every token of an organization whose provisioning is disabled, until re-enabled', async () => {
    const other = await api.createOrganization('Disabled Org');
    // Through the use case the dashboard calls: it tells the token caches of every process.
    const settings = api.app.get(UpdateOrganizationSettings);
    await expectTokenAccepted(other.scimToken);

    await settings.execute(other.orgId, { scimEnabled: false }, 'admin:test@example.com');
    await expectTokenRefused(other.scimToken);
    await expectTokenAccepted(org.scimToken);

    await settings.execute(other.orgId, { scimEnabled: true }, 'admin:test@example.com');
    await expectTokenAccepted(other.scimToken);
  });
});

describe('SCIM token lifecycle', () => {
  const create = (orgId: string, label?: string) =>
    api.app.get(CreateScimToken).execute(orgId, 'admin:test@example.com', label);
  const revoke = (token: string, organizationId?: string) =>
    api.app
      .get(RevokeScimToken)
      .execute({ token, organizationId, actor: 'admin:test@example.com' });
  const list = (orgId: string) => api.app.get(ListScimTokens).execute(orgId);

  it('issues an rcs_ token of at least 43 base64url characters whose prefix is its first 12 characters', async () => {
    const org = await api.createOrganization('Format Org');
    const issued = await create(org.orgId, 'Rotation');
    for (const token of [org.scimToken, issued.token]) {
      expect(token).toMatch(/^rcs_[A-Za-z0-9_-]{43,}$/);
    }
    expect(issued.prefix).toBe(issued.token.slice(0, 12));
    expect(issued.organizationId).toBe(org.orgId);
    expect(issued.token).not.toBe(org.scimToken);
    const listed = await list(org.orgId);
    expect(listed.map((t) => t.prefix).sort()).toEqual(
      [org.scimToken.slice(0, 12), issued.prefix].sort(),
    );
    expect(listed.find((t) => t.id === issued.id)?.label).toBe('Rotation');
  });

  it('keeps two live tokens working at once (rotation) and refuses a third', async () => {
    const org = await api.createOrganization('Rotation Org');
    const second = await create(org.orgId);
    await expectTokenAccepted(org.scimToken);
    await expectTokenAccepted(second.token);

    await expectOrganizationError(create(org.orgId), 'SCIM_TOKEN_LIMIT_REACHED');
    expect(await list(org.orgId)).toHaveLength(2);
  });

  it('holds the two-token limit when several tokens are requested at once', async () => {
    const org = await api.createOrganization('Concurrent Org');
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => create(org.orgId)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const result of results) {
      if (result.status === 'rejected') {
        expect(result.reason).toBeInstanceOf(OrganizationError);
        expect((result.reason as OrganizationError).code).toBe('SCIM_TOKEN_LIMIT_REACHED');
      }
    }
    expect((await list(org.orgId)).filter((t) => t.revokedAt === null)).toHaveLength(2);
  });

  it('refuses a revoked token at once while the other keeps working, and frees a slot', async () => {
    const org = await api.createOrganization('Revoke Org');
    const second = await create(org.orgId);
    await expectTokenAccepted(org.scimToken);

    const revoked = await revoke(org.scimToken.slice(0, 12));
    expect(revoked).toEqual({
      id: expect.any(String),
      organizationId: org.orgId,
      prefix: org.scimToken.slice(0, 12),
    });
    await expectTokenRefused(org.scimToken);
    await expectTokenAccepted(second.token);

    const third = await create(org.orgId);
    await expectTokenAccepted(third.token);
    const listed = await list(org.orgId);
    expect(listed.find((t) => t.id === revoked.id)?.revokedAt).toBeInstanceOf(Date);
    expect(
      listed
        .filter((t) => t.revokedAt === null)
        .map((t) => t.id)
        .sort(),
    ).toEqual([second.id, third.id].sort());
  });

  it('revokes by id, and reports an already revoked or unknown token as not found', async () => {
    const org = await api.createOrganization('Revoke By Id Org');
    const second = await create(org.orgId);
    expect(await revoke(second.id)).toEqual({
      id: second.id,
      organizationId: org.orgId,
      prefix: second.prefix,
    });
    await expectTokenRefused(second.token);
    await expectTokenAccepted(org.scimToken);

    await expectOrganizationError(revoke(second.id), 'SCIM_TOKEN_NOT_FOUND');
    await expectOrganizationError(revoke(second.prefix), 'SCIM_TOKEN_NOT_FOUND');
    await expectOrganizationError(revoke(randomUUID()), 'SCIM_TOKEN_NOT_FOUND');
    await expectOrganizationError(revoke('rcs_nothere1'), 'SCIM_TOKEN_NOT_FOUND');
  });

  it("does not revoke another organization's token when scoped to an organization", async () => {
    const a = await api.createOrganization('Scope A Org');
    const b = await api.createOrganization('Scope B Org');
    await expectOrganizationError(
      revoke(a.scimToken.slice(0, 12), b.orgId),
      'SCIM_TOKEN_NOT_FOUND',
    );
    await expectTokenAccepted(a.scimToken);
    await revoke(a.scimToken.slice(0, 12), a.orgId);
    await expectTokenRefused(a.scimToken);
  });

  it('refuses to revoke by a prefix two live tokens share, but revokes either by id', async () => {
    const org = await api.createOrganization('Ambiguous Org');
    const second = await create(org.orgId);
    const shared = org.scimToken.slice(0, 12);
    // Prefixes are 48 random bits; force the collision the use case must handle.
    await api.app
      .get(DataSource)
      .createQueryBuilder()
      .update('scim_tokens')
      .set({ prefix: shared })
      .where('id = :id', { id: second.id })
      .execute();

    await expectOrganizationError(revoke(shared), 'SCIM_TOKEN_AMBIGUOUS');
    await expectTokenAccepted(org.scimToken);
    await expectTokenAccepted(second.token);

    await revoke(second.id);
    await expectTokenRefused(second.token);
    await expectTokenAccepted(org.scimToken);
  });

  it('records when a token was last used, and lists no secrets', async () => {
    const org = await api.createOrganization('Last Used Org');
    const unused = await create(org.orgId);
    await expectTokenAccepted(org.scimToken);

    const listed = await list(org.orgId);
    const used = listed.find((t) => t.prefix === org.scimToken.slice(0, 12));
    expect(used?.lastUsedAt).toBeInstanceOf(Date);
    expect(listed.find((t) => t.id === unused.id)?.lastUsedAt).toBeNull();
    for (const summary of listed) {
      expect(Object.keys(summary).sort()).toEqual([
        'createdAt',
        'id',
        'label',
        'lastUsedAt',
        'prefix',
        'revokedAt',
      ]);
    }
  });

  it('stores only the SHA-256 of a token: no table holds the secret after it was used', async () => {
    const org = await api.createOrganization('Hash Org');
    const second = await create(org.orgId);
    await expectTokenAccepted(org.scimToken);
    await expectTokenAccepted(second.token);
    const userResponse = await api.scim(second.token, 'POST', '/Users', aScimUser());
    expect(userResponse.status).toBe(201);

    const dataSource = api.app.get(DataSource);
    const rows = await dataSource
      .createQueryBuilder()
      .select('*')
      .from('scim_tokens', 't')
      .where('t.organization_id = :orgId', { orgId: org.orgId })
      .getRawMany<Record<string, unknown>>();
    expect(rows.map((r) => String(r['token_hash']).trim()).sort()).toEqual(
      [org.scimToken, second.token].map((t) => createHash('sha256').update(t).digest('hex')).sort(),
    );

    const tableNames =
      api.database.dialect === 'postgres'
        ? await dataSource.query<{ name: string }[]>(
            `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'`,
          )
        : await dataSource.query<{ name: string }[]>(
            `SELECT name FROM sqlite_master WHERE type = 'table'`,
          );
    expect(tableNames.map((t) => t.name)).toContain('scim_tokens');
    for (const { name } of tableNames) {
      const dump = JSON.stringify(
        await dataSource.createQueryBuilder().select('*').from(name, 't').getRawMany(),
      );
      for (const token of [org.scimToken, second.token]) {
        // The part after the visible prefix is the secret.
        expect({ table: name, leaked: dump.includes(token.slice(12)) }).toEqual({
          table: name,
          leaked: false,
        });
      }
    }
  });
});

describe('tenant isolation', () => {
  let a: TestOrganization;
  let b: TestOrganization;
  let aliceId: string;
  let aliceUserName: string;

  beforeAll(async () => {
    a = await api.createOrganization('Tenant A');
    b = await api.createOrganization('Tenant B');
    const alice = aScimUser();
    aliceUserName = String(alice['userName']);
    const response = await api.scim(a.scimToken, 'POST', '/Users', alice);
    expect(response.status).toBe(201);
    expectScimContentType(response);
    aliceId = ((await response.json()) as { id: string }).id;
  });

  it.each([
    ['GET', undefined],
    ['PUT', () => aScimUser({ userName: aliceUserName, displayName: 'Taken Over' })],
    [
      'PATCH',
      () => ({
        schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
        Operations: [{ op: 'Replace', path: 'active', value: 'False' }],
      }),
    ],
    ['DELETE', undefined],
  ])("answers %s of another organization's user with a SCIM 404", async (method, body) => {
    const response = await api.scim(b.scimToken, method, `/Users/${aliceId}`, body?.());
    await expectScimError(response, 404);
  });

  it("leaves the user untouched by the other organization's attempts", async () => {
    const response = await api.scim(a.scimToken, 'GET', `/Users/${aliceId}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      id: aliceId,
      userName: aliceUserName,
      displayName: 'Ada Lovelace',
      active: true,
    });
  });

  it("never lists or finds another organization's users", async () => {
    const all = await expectListResponse(await api.scim(b.scimToken, 'GET', '/Users'));
    expect(all.totalResults).toBe(0);
    expect(all.Resources).toEqual([]);

    const filter = encodeURIComponent(`userName eq "${aliceUserName}"`);
    const filtered = await expectListResponse(
      await api.scim(b.scimToken, 'GET', `/Users?filter=${filter}`),
    );
    expect(filtered.totalResults).toBe(0);

    const searched = await expectListResponse(
      await api.scim(b.scimToken, 'POST', '/Users/.search', {
        schemas: ['urn:ietf:params:scim:api:messages:2.0:SearchRequest'],
        filter: `userName eq "${aliceUserName}"`,
      }),
    );
    expect(searched.totalResults).toBe(0);

    const own = await expectListResponse(
      await api.scim(a.scimToken, 'GET', `/Users?filter=${filter}`),
    );
    expect(own.totalResults).toBe(1);
    expect(own.Resources[0]?.['id']).toBe(aliceId);
  });

  it('checks userName uniqueness within an organization only', async () => {
    const response = await api.scim(
      b.scimToken,
      'POST',
      '/Users',
      aScimUser({ userName: aliceUserName }),
    );
    expect(response.status).toBe(201);
    const bobId = ((await response.json()) as { id: string }).id;
    expect(bobId).not.toBe(aliceId);

    const again = await api.scim(
      a.scimToken,
      'POST',
      '/Users',
      aScimUser({ userName: aliceUserName }),
    );
    await expectScimError(again, 409, 'uniqueness');
  });
});
