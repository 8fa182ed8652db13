import type { CreatedScimTokenView, ScimTokenView } from '@rollcall/contracts';
import { AdminClient, anonymous } from './support/admin-client';
import { TestApi, type TestOrganization } from './support/test-api';

jest.setTimeout(60_000);

interface TokenList {
  tokens: ScimTokenView[];
}

describe('admin API: SCIM tokens', () => {
  let api: TestApi;
  let org: TestOrganization;
  let admin: AdminClient;

  const list = async () => (await admin.json<TokenList>(admin.get('/api/scim/tokens'), 200)).tokens;

  beforeAll(async () => {
    api = await TestApi.start();
    org = await api.createOrganization('Token Org');
    admin = await AdminClient.signIn(api, org);
  });

  afterAll(async () => {
    await api?.stop();
  });

  it('answers 401 without a session', async () => {
    await admin.error(anonymous(api, 'GET', '/api/scim/tokens'), 401, 'UNAUTHENTICATED');
    await admin.error(anonymous(api, 'POST', '/api/scim/tokens', {}), 401, 'UNAUTHENTICATED');
    await admin.error(anonymous(api, 'DELETE', '/api/scim/tokens/x'), 401, 'UNAUTHENTICATED');
  });

  it('lists tokens with their prefix and last use, never the secret', async () => {
    expect((await api.scim(org.scimToken, 'GET', '/Users')).status).toBe(200);
    const response = await admin.get('/api/scim/tokens');
    const text = await response.clone().text();
    const tokens = (await admin.json<TokenList>(response, 200)).tokens;
    expect(tokens).toEqual([
      {
        id: expect.any(String),
        prefix: expect.stringMatching(/^rcs_/),
        label: 'Initial token',
        createdAt: expect.any(String),
        lastUsedAt: expect.any(String),
        revokedAt: null,
      },
    ]);
    expect(org.scimToken.startsWith(tokens[0]?.prefix ?? '-')).toBe(true);
    expect(text).not.toContain(org.scimToken);
    expect(text).not.toMatch(/hash|"token"/i);
  });

  it('refuses to issue or revoke without the CSRF header', async () => {
    await admin.error(
      admin.request('POST', '/api/scim/tokens', {}, { csrf: false }),
      403,
      'CSRF_TOKEN_INVALID',
    );
    const [token] = await list();
    await admin.error(
      admin.request('DELETE', `/api/scim/tokens/${token?.id}`, undefined, { csrf: false }),
      403,
      'CSRF_TOKEN_INVALID',
    );
    expect(await list()).toHaveLength(1);
    expect((await api.scim(org.scimToken, 'GET', '/Users')).status).toBe(200);
  });

  it('rejects a label that is not a short string', async () => {
    await admin.error(
      admin.request('POST', '/api/scim/tokens', { label: 'x'.repeat(101) }),
      400,
      'BAD_REQUEST',
    );
    await admin.error(admin.request('POST', '/api/scim/tokens', { label: 5 }), 400, 'BAD_REQUEST');
  });

  it('rotates: a second token is shown once, a third is refused, revoking the old one cuts it off', async () => {
    const [old] = await list();
    const response = await admin.request('POST', '/api/scim/tokens', { label: ' Rotation ' });
    expect(response.headers.get('cache-control')).toBe('no-store');
    const created = await admin.json<CreatedScimTokenView>(response, 201);
    expect(created).toEqual({
      id: expect.any(String),
      prefix: expect.stringMatching(/^rcs_/),
      label: 'Rotation',
      createdAt: expect.any(String),
      lastUsedAt: null,
      revokedAt: null,
      token: expect.stringMatching(/^rcs_/),
    });
    expect(created.token.startsWith(created.prefix)).toBe(true);
    expect(created.token).not.toBe(org.scimToken);
    expect((await api.scim(created.token, 'GET', '/Users')).status).toBe(200);

    await admin.error(
      admin.request('POST', '/api/scim/tokens', {}),
      409,
      'SCIM_TOKEN_LIMIT_REACHED',
    );

    const both = await list();
    expect(both.map((t) => t.id).sort()).toEqual([old?.id, created.id].sort());
    expect(JSON.stringify(both)).not.toContain(created.token);

    expect((await admin.request('DELETE', `/api/scim/tokens/${old?.id}`)).status).toBe(204);
    expect((await api.scim(org.scimToken, 'GET', '/Users')).status).toBe(401);
    expect((await api.scim(created.token, 'GET', '/Users')).status).toBe(200);
    const after = await list();
    expect(after.find((t) => t.id === old?.id)?.revokedAt).toEqual(expect.any(String));
    expect(after.find((t) => t.id === created.id)?.revokedAt).toBeNull();

    // Revoked already: nothing live to revoke.
    await admin.error(
      admin.request('DELETE', `/api/scim/tokens/${old?.id}`),
      404,
      'SCIM_TOKEN_NOT_FOUND',
    );
    // One live token again: a new one may be issued.
    const third = await admin.json<CreatedScimTokenView>(
      admin.request('POST', '/api/scim/tokens'),
      201,
    );
    expect((await api.scim(third.token, 'GET', '/Users')).status).toBe(200);
  });

  it('answers 404 for unknown ids', async () => {
    await admin.error(
      admin.request('DELETE', '/api/scim/tokens/00000000-0000-4000-8000-000000000000'),
      404,
      'SCIM_TOKEN_NOT_FOUND',
    );
  });

  it('never lets another organization’s admin see or revoke this organization’s tokens', async () => {
    const other = await api.createOrganization('Other Token Org');
    const otherAdmin = await AdminClient.signIn(api, other);
    const mine = (await list()).filter((t) => t.revokedAt === null);
    expect(mine.length).toBeGreaterThan(0);
    const theirs = (await otherAdmin.json<TokenList>(otherAdmin.get('/api/scim/tokens'), 200))
      .tokens;
    expect(theirs).toHaveLength(1);
    expect(theirs.map((t) => t.id)).not.toEqual(expect.arrayContaining([mine[0]?.id]));
    for (const token of mine) {
      await otherAdmin.error(
        otherAdmin.request('DELETE', `/api/scim/tokens/${token.id}`),
        404,
        'SCIM_TOKEN_NOT_FOUND',
      );
      // Nor by its prefix.
      await otherAdmin.error(
        otherAdmin.request('DELETE', `/api/scim/tokens/${token.prefix}`),
        404,
        'SCIM_TOKEN_NOT_FOUND',
      );
    }
    expect((await list()).filter((t) => t.revokedAt === null)).toHaveLength(mine.length);
  });
});
