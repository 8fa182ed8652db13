import { brotliCompressSync, gzipSync } from 'node:zlib';
import { AdminClient, type AdminErrorBody } from './support/admin-client';
import { rawRequest } from './support/raw-http';
import { expectScimError } from './support/scim-expectations';
import { aScimUser } from './support/scim-user.builder';
import { TestApi, type TestOrganization } from './support/test-api';

// Hostile bodies, ids and encodings are the client's mistake: each edge answers them in its
// own error shape, identically on SQLite and PostgreSQL, and the process keeps serving.

const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const SEARCH_REQUEST = 'urn:ietf:params:scim:api:messages:2.0:SearchRequest';

/** `{"a":{"a":…1…}}`, `levels` objects deep. */
function nestedObjects(levels: number): string {
  return `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
}

function nestedArrays(levels: number): string {
  return `${'['.repeat(levels)}${']'.repeat(levels)}`;
}

async function expectAdminError(
  response: Response,
  status: number,
  code: string,
): Promise<AdminErrorBody> {
  const text = await response.text();
  expect({ status: response.status, text }).toEqual({ status, text: expect.any(String) });
  const body = JSON.parse(text) as AdminErrorBody;
  expect(body).toMatchObject({ statusCode: status, code, message: expect.any(String) });
  expect(body.requestId).toBe(response.headers.get('x-request-id'));
  expect(body.requestId).toMatch(/^[0-9a-f-]{36}$/);
  return body;
}

async function expectOAuthError(response: Response, status: number, error: string) {
  expect(response.status).toBe(status);
  const body = (await response.json()) as { error: string; error_description: string };
  expect(body).toEqual({ error, error_description: expect.any(String) });
}

describe('hostile input: nesting depth, NUL bytes, encodings and charsets', () => {
  let api: TestApi;
  let org: TestOrganization;
  let admin: AdminClient;
  let userId: string;

  const scim = (method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
    api.scim(org.scimToken, method, path, body, headers);

  beforeAll(async () => {
    api = await TestApi.start();
    org = await api.createOrganization('Hostile Input');
    admin = await AdminClient.signIn(api, org);
    const created = await scim('POST', '/Users', aScimUser());
    expect(created.status).toBe(201);
    userId = ((await created.json()) as { id: string }).id;
  });

  afterAll(async () => {
    await api.stop();
  });

  afterEach(async () => {
    // Whatever the case sent, the server still answers a normal request.
    expect((await fetch(`${api.baseUrl}/health`)).status).toBe(200);
    expect((await scim('GET', `/Users/${userId}`)).status).toBe(200);
  });

  describe('JSON nested deeper than 64 levels', () => {
    it.each<[string, string, () => string]>([
      ['POST', '/Users', () => nestedObjects(2100)],
      ['POST', '/.search', () => nestedObjects(2100)],
      ['POST', '/Users/.search', () => nestedObjects(2100)],
      ['PATCH', '/Users/{id}', () => nestedObjects(2100)],
      ['PUT', '/Users/{id}', () => nestedObjects(2100)],
      ['POST', '/Groups', () => nestedObjects(2100)],
      [
        'POST',
        '/Users',
        () => JSON.stringify(aScimUser()).replace(/^\{/, `{"title":${nestedArrays(3300)},`),
      ],
      [
        'PATCH',
        '/Users/{id}',
        () =>
          `{"schemas":["${PATCH_OP}"],"Operations":[{"op":"Replace","path":"title","value":${nestedArrays(3300)}}]}`,
      ],
    ])('SCIM %s %s → 400 invalidSyntax', async (method, path, body) => {
      await expectScimError(
        await scim(method, path.replace('{id}', userId), body()),
        400,
        'invalidSyntax',
      );
    });

    it('accepts a body exactly 64 levels deep and refuses one level more', async () => {
      // body (1) → Operations (2) → operation (3) → value (4) → unknown attribute (5…).
      const patchWith = (valueDepth: number) =>
        `{"schemas":["${PATCH_OP}"],"Operations":[{"op":"Add","value":{"x-unknown":${nestedObjects(valueDepth)}}}]}`;
      expect((await scim('PATCH', `/Users/${userId}`, patchWith(60))).status).toBe(200);
      await expectScimError(
        await scim('PATCH', `/Users/${userId}`, patchWith(61)),
        400,
        'invalidSyntax',
      );
    });

    it('braces inside strings do not count', async () => {
      const search = { schemas: [SEARCH_REQUEST], filter: `userName eq "${'{['.repeat(500)}"` };
      const response = await scim('POST', '/Users/.search', search);
      expect(response.status).toBe(200);
    });

    it('admin API: an 800 KB nested body → 400 JSON_TOO_DEEP with a request id', async () => {
      const body = `{"name":${nestedArrays(400_000)}}`;
      const response = await fetch(`${api.baseUrl}/api/organization`, {
        method: 'PATCH',
        headers: {
          Cookie: admin.cookie,
          'X-CSRF-Token': admin.csrfToken,
          'Content-Type': 'application/json',
        },
        body,
      });
      await expectAdminError(response, 400, 'JSON_TOO_DEEP');
    });

    it('token endpoint: a deep JSON body → 400 invalid_request', async () => {
      const response = await fetch(`${api.baseUrl}/oauth/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: nestedObjects(2100),
      });
      await expectOAuthError(response, 400, 'invalid_request');
    });
  });

  describe('NUL bytes and lone surrogates', () => {
    it.each(['/Users/%00', '/Users/a%00b', '/Groups/%00', `/Groups/x%00`])(
      'GET %s → 404',
      async (path) => {
        await expectScimError(await scim('GET', path), 404);
      },
    );

    it.each(['PATCH', 'PUT', 'DELETE'])('%s /Users/<id>%00 → 404', async (method) => {
      const body = method === 'DELETE' ? undefined : { schemas: [PATCH_OP], Operations: [] };
      await expectScimError(await scim(method, `/Users/${userId}%00`, body), 404);
    });

    it.each<[string, Record<string, unknown>]>([
      ['userName', { userName: 'nul\u0000@example.com' }],
      ['displayName', { displayName: 'A\u0000B' }],
      ['a sub-attribute', { name: { givenName: 'A\u0000' } }],
      ['a multi-valued value', { emails: [{ value: 'a\u0000@example.com', type: 'work' }] }],
      ['an extension attribute', { 'urn:x:\u0000': 'x' }],
      ['a lone high surrogate', { title: 'x\ud800y' }],
      ['a lone low surrogate', { title: '\udc00' }],
    ])('POST /Users with NUL in %s → 400 invalidValue', async (_where, overrides) => {
      await expectScimError(
        await scim('POST', '/Users', aScimUser(overrides)),
        400,
        'invalidValue',
      );
    });

    it('a paired surrogate (an emoji) is fine', async () => {
      const response = await scim('POST', '/Users', aScimUser({ title: 'Rocket 🚀' }));
      expect(response.status).toBe(201);
      expect(((await response.json()) as { title: string }).title).toBe('Rocket 🚀');
    });

    it('PATCH and group bodies with NUL → 400 invalidValue', async () => {
      await expectScimError(
        await scim('PATCH', `/Users/${userId}`, {
          schemas: [PATCH_OP],
          Operations: [{ op: 'Replace', path: 'title', value: 'a\u0000' }],
        }),
        400,
        'invalidValue',
      );
      await expectScimError(
        await scim('POST', '/Groups', {
          schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
          displayName: 'G\u0000',
        }),
        400,
        'invalidValue',
      );
    });

    it.each([
      `/Users?filter=${encodeURIComponent('userName eq "a\u0000b"')}`,
      `/Groups?filter=${encodeURIComponent('displayName eq "\u0000"')}`,
    ])('GET %s → 400 invalidFilter', async (path) => {
      await expectScimError(await scim('GET', path), 400, 'invalidFilter');
    });

    it.each(['userName eq "a\\u0000b"', 'title co "\\ud800"', 'emails[value eq "\\u0000"]'])(
      'a filter whose JSON escape spells NUL or a lone surrogate, %s → 400 invalidFilter',
      async (filter) => {
        await expectScimError(
          await scim('GET', `/Users?filter=${encodeURIComponent(filter)}`),
          400,
          'invalidFilter',
        );
      },
    );

    it('a PATCH value filter whose escape spells NUL → 400, not a database error', async () => {
      const group = await scim('POST', '/Groups', {
        schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
        displayName: `Escapes ${Date.now()}`,
      });
      const { id } = (await group.json()) as { id: string };
      const response = await scim('PATCH', `/Groups/${id}`, {
        schemas: [PATCH_OP],
        Operations: [{ op: 'remove', path: 'members[value eq "\\u0000"]' }],
      });
      expect(response.status).toBe(400);
      const error = (await response.json()) as { schemas: string[]; scimType?: string };
      expect(error.schemas).toEqual(['urn:ietf:params:scim:api:messages:2.0:Error']);
      expect(['invalidFilter', 'invalidPath']).toContain(error.scimType);
    });

    it('a NUL in another query parameter → 400 invalidValue', async () => {
      await expectScimError(
        await scim('GET', '/Users?attributes=userName%00'),
        400,
        'invalidValue',
      );
    });

    it.each(['userName eq "\u0000"', 'title eq "\udfff"'])(
      'a .search filter %j → 400 invalidFilter, as in the query',
      async (filter) => {
        const response = await scim('POST', '/Users/.search', {
          schemas: [SEARCH_REQUEST],
          filter,
        });
        await expectScimError(response, 400, 'invalidFilter');
      },
    );

    it('admin API: search, team ids, organization and client names', async () => {
      await expectAdminError(await admin.get('/api/users?search=a%00b'), 400, 'INVALID_VALUE');
      await expectAdminError(await admin.get('/api/users/%00'), 404, 'NOT_FOUND');
      await expectAdminError(await admin.get('/api/teams/a%00'), 404, 'NOT_FOUND');
      await expectAdminError(
        await admin.request('PATCH', '/api/organization', { name: 'Acme\u0000' }),
        400,
        'INVALID_VALUE',
      );
      await expectAdminError(
        await admin.request('POST', '/api/scim/oauth/clients', { name: 'Entra\u0000' }),
        400,
        'INVALID_VALUE',
      );
      await expectAdminError(
        await admin.request('POST', '/api/teams', { name: '\ud800' }),
        400,
        'INVALID_VALUE',
      );
    });

    it('token endpoint: a NUL in a form field → 400 invalid_request', async () => {
      const response = await fetch(`${api.baseUrl}/oauth/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'grant_type=client_credentials&client_id=a%00b&client_secret=x',
      });
      await expectOAuthError(response, 400, 'invalid_request');
    });
  });

  describe('Content-Encoding and charset', () => {
    const gzip = (text: string) => gzipSync(Buffer.from(text));
    const post = (path: string, body: Buffer, headers: Record<string, string>) =>
      fetch(`${api.baseUrl}${path}`, { method: 'POST', headers, body: new Uint8Array(body) });

    it('a valid gzip or br SCIM body is read', async () => {
      for (const [encoding, compress] of [
        ['gzip', gzipSync],
        ['br', brotliCompressSync],
      ] as const) {
        const response = await post(
          '/scim/v2/Users',
          compress(Buffer.from(JSON.stringify(aScimUser()))),
          {
            Authorization: `Bearer ${org.scimToken}`,
            'Content-Type': 'application/scim+json',
            'Content-Encoding': encoding,
          },
        );
        expect(response.status).toBe(201);
      }
    });

    it.each(['gzip', 'br', 'deflate'])('a corrupt %s SCIM body → 400', async (encoding) => {
      const corrupt = gzip(JSON.stringify(aScimUser())).subarray(0, 20);
      const response = await post('/scim/v2/Users', Buffer.concat([corrupt, Buffer.from('zz')]), {
        Authorization: `Bearer ${org.scimToken}`,
        'Content-Type': 'application/scim+json',
        'Content-Encoding': encoding,
      });
      await expectScimError(response, 400);
    });

    it('a corrupt gzip admin body → 400 BODY_NOT_DECOMPRESSIBLE', async () => {
      const response = await post('/api/auth/login', Buffer.from('not gzip at all'), {
        'Content-Type': 'application/json',
        'Content-Encoding': 'gzip',
      });
      await expectAdminError(response, 400, 'BODY_NOT_DECOMPRESSIBLE');
    });

    it('a corrupt gzip token request → 400 invalid_request', async () => {
      const response = await post('/oauth/token', Buffer.from('not gzip at all'), {
        'Content-Type': 'application/x-www-form-urlencoded',
        'Content-Encoding': 'gzip',
      });
      await expectOAuthError(response, 400, 'invalid_request');
    });

    it.each(['latin1', 'ebcdic'])(
      'admin API with charset=%s → 415 UNSUPPORTED_CHARSET and a real request id',
      async (charset) => {
        const response = await rawRequest(`${api.baseUrl}/api/auth/login`, {
          method: 'POST',
          headers: { 'Content-Type': `application/json; charset=${charset}` },
          body: '{"email":"a@example.com","password":"x"}',
        });
        expect(response.status).toBe(415);
        const body = JSON.parse(response.body) as AdminErrorBody;
        expect(body).toMatchObject({ statusCode: 415, code: 'UNSUPPORTED_CHARSET' });
        expect(body.requestId).toBe(response.headers['x-request-id']);
        expect(body.requestId).not.toBe('undefined');
      },
    );

    it.each(['text/plain', 'application/xml', 'multipart/form-data; boundary=x'])(
      'an admin API body sent as %s → 415 UNSUPPORTED_MEDIA_TYPE',
      async (contentType) => {
        const response = await fetch(`${api.baseUrl}/api/organization/settings`, {
          method: 'PATCH',
          headers: {
            Cookie: admin.cookie,
            'X-CSRF-Token': admin.csrfToken,
            'Content-Type': contentType,
          },
          body: '{"deletedTeamRetentionDays":7}',
        });
        await expectAdminError(response, 415, 'UNSUPPORTED_MEDIA_TYPE');
      },
    );

    it('a UTF-16 JSON body → 415 on SCIM and the admin API (JSON is UTF-8, RFC 8259 §8.1)', async () => {
      const scimResponse = await fetch(`${api.baseUrl}/scim/v2/Users`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${org.scimToken}`,
          'Content-Type': 'application/scim+json; charset=utf-16le',
        },
        body: Buffer.from(JSON.stringify(aScimUser()), 'utf16le'),
      });
      await expectScimError(scimResponse, 415);
      const adminResponse = await fetch(`${api.baseUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json; charset=utf-16le' },
        body: Buffer.from('{"email":"a@example.com","password":"x"}', 'utf16le'),
      });
      await expectAdminError(adminResponse, 415, 'UNSUPPORTED_CHARSET');
    });

    it('SCIM with charset=latin1 → 415 in the SCIM envelope', async () => {
      const response = await scim('POST', '/Users', JSON.stringify(aScimUser()), {
        'Content-Type': 'application/scim+json; charset=latin1',
      });
      await expectScimError(response, 415);
    });
  });
});
