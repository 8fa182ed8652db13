import { rawRequest, type RawResponse } from './support/raw-http';
import { SCIM_ERROR_URN, expectScimError } from './support/scim-expectations';
import { aScimGroup } from './support/scim-group.builder';
import { aPatch, aScimUser } from './support/scim-user.builder';
import { TestApi, type TestOrganization } from './support/test-api';

// Okta's SCIM client, as its own test suite drives it: bodies that arrive without a
// Content-Type (or as text/plain) are JSON, and a method an endpoint does not serve is a 405
// with an Allow header in the SCIM error shape, where a path that serves nothing stays 404.

describe('SCIM for Okta: untyped bodies and 405 Method Not Allowed', () => {
  let api: TestApi;
  let org: TestOrganization;
  let userId: string;
  let groupId: string;

  /** Exactly these headers: node's http client adds no Content-Type of its own. */
  const raw = (method: string, path: string, headers: Record<string, string>, body?: string) =>
    rawRequest(`${api.baseUrl}/scim/v2${path}`, {
      method,
      // A new connection each: an answer sent before its body was read (413) ends its own.
      headers: { Authorization: `Bearer ${org.scimToken}`, Connection: 'close', ...headers },
      body: body === undefined ? undefined : Buffer.from(body),
    });

  const json = (response: RawResponse) => JSON.parse(response.body) as Record<string, unknown>;

  const CONTENT_TYPES: [string, Record<string, string>][] = [
    ['no Content-Type', {}],
    ['text/plain', { 'Content-Type': 'text/plain' }],
    ['text/plain; charset=utf-8', { 'Content-Type': 'text/plain; charset=utf-8' }],
    ['application/scim+json', { 'Content-Type': 'application/scim+json' }],
  ];

  beforeAll(async () => {
    api = await TestApi.start();
    org = await api.createOrganization('Okta Edge');
    const user = await api.scim(org.scimToken, 'POST', '/Users', aScimUser());
    expect(user.status).toBe(201);
    userId = ((await user.json()) as { id: string }).id;
    const group = await api.scim(org.scimToken, 'POST', '/Groups', aScimGroup());
    expect(group.status).toBe(201);
    groupId = ((await group.json()) as { id: string }).id;
  });

  afterAll(async () => {
    await api.stop();
  });

  describe('request bodies on /scim/v2 are JSON whatever their Content-Type says', () => {
    it.each(CONTENT_TYPES)('POST /Users with %s → 201', async (_name, headers) => {
      const user = aScimUser();
      const response = await raw('POST', '/Users', headers, JSON.stringify(user));
      expect(response.status).toBe(201);
      expect(response.headers['content-type']).toMatch(/^application\/scim\+json\b/);
      expect(json(response)).toMatchObject({ userName: user['userName'] });
    });

    it.each(CONTENT_TYPES)('PATCH, PUT and .search with %s are read', async (_name, headers) => {
      const patch = aPatch({ op: 'replace', path: 'title', value: 'Engineer' });
      const patched = await raw('PATCH', `/Users/${userId}`, headers, JSON.stringify(patch));
      expect(patched.status).toBe(200);
      expect(json(patched)['title']).toBe('Engineer');

      const current = json(await raw('GET', `/Users/${userId}`, {}));
      const replaced = await raw(
        'PUT',
        `/Users/${userId}`,
        headers,
        JSON.stringify({ ...current, title: 'Manager' }),
      );
      expect(replaced.status).toBe(200);
      expect(json(replaced)['title']).toBe('Manager');

      const search = {
        schemas: ['urn:ietf:params:scim:api:messages:2.0:SearchRequest'],
        filter: `id eq "${userId}"`,
      };
      const found = await raw('POST', '/Users/.search', headers, JSON.stringify(search));
      expect(found.status).toBe(200);
      expect(json(found)['totalResults']).toBe(1);
    });

    it.each(CONTENT_TYPES)('malformed JSON with %s → 400 invalidSyntax', async (_name, headers) => {
      const response = await raw('POST', '/Users', headers, '{"userName": ');
      expect(response.status).toBe(400);
      expect(json(response)).toMatchObject({
        schemas: [SCIM_ERROR_URN],
        status: '400',
        scimType: 'invalidSyntax',
      });
    });

    it.each(CONTENT_TYPES)('a body over the 1 MiB limit with %s → 413', async (_name, headers) => {
      const body = JSON.stringify(aScimUser({ title: 'x'.repeat(1024 * 1024) }));
      const response = await raw('POST', '/Users', headers, body);
      expect(response.status).toBe(413);
      expect(json(response)).toMatchObject({ schemas: [SCIM_ERROR_URN], status: '413' });
    });

    it.each(['no Content-Type', 'text/plain'])(
      'JSON nested deeper than 64 levels with %s → 400 invalidSyntax',
      async (name) => {
        const headers: Record<string, string> =
          name === 'text/plain' ? { 'Content-Type': name } : {};
        const response = await raw(
          'POST',
          '/Users',
          headers,
          `${'['.repeat(100)}${']'.repeat(100)}`,
        );
        expect(response.status).toBe(400);
        expect(json(response)).toMatchObject({ status: '400', scimType: 'invalidSyntax' });
      },
    );

    it('text/plain in a charset other than UTF-8 → 415 in the SCIM envelope', async () => {
      const response = await raw(
        'POST',
        '/Users',
        { 'Content-Type': 'text/plain; charset=latin1' },
        JSON.stringify(aScimUser()),
      );
      expect(response.status).toBe(415);
      expect(json(response)).toMatchObject({ schemas: [SCIM_ERROR_URN], status: '415' });
    });

    it('other media types are still not read as JSON', async () => {
      const response = await raw(
        'POST',
        '/Users',
        { 'Content-Type': 'application/xml' },
        JSON.stringify(aScimUser()),
      );
      expect(response.status).toBe(400);
      expect(json(response)).toMatchObject({ status: '400', scimType: 'invalidSyntax' });
    });

    it('the admin API still refuses a text/plain body', async () => {
      const response = await fetch(`${api.baseUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain' },
        body: JSON.stringify({ email: org.adminEmail, password: org.adminPassword }),
      });
      expect(response.status).toBe(415);
    });
  });

  describe('a method the endpoint does not serve → 405 with Allow', () => {
    const COLLECTION = 'GET, HEAD, POST';
    const RESOURCE = 'GET, HEAD, PUT, PATCH, DELETE';
    const READ_ONLY = 'GET, HEAD';

    it.each<[string, string, string]>([
      ['PUT', '/Users', COLLECTION],
      ['PATCH', '/Users', COLLECTION],
      ['DELETE', '/Users', COLLECTION],
      ['POST', '/Users/{userId}', RESOURCE],
      ['PUT', '/Groups', COLLECTION],
      ['PATCH', '/Groups', COLLECTION],
      ['DELETE', '/Groups', COLLECTION],
      ['POST', '/Groups/{groupId}', RESOURCE],
      ['POST', '/ServiceProviderConfig', READ_ONLY],
      ['PUT', '/ServiceProviderConfig', READ_ONLY],
      ['PATCH', '/ServiceProviderConfig', READ_ONLY],
      ['DELETE', '/ServiceProviderConfig', READ_ONLY],
      ['POST', '/ResourceTypes', READ_ONLY],
      ['DELETE', '/ResourceTypes/User', READ_ONLY],
      ['PUT', '/ResourceTypes/User', READ_ONLY],
      ['POST', '/Schemas', READ_ONLY],
      ['PATCH', '/Schemas/urn:ietf:params:scim:schemas:core:2.0:User', READ_ONLY],
      ['TRACE', '/Users', COLLECTION],
      ['PUT', '/users', COLLECTION],
      ['PUT', '/Users/', COLLECTION],
    ])('%s %s → 405, Allow: %s', async (method, path, allow) => {
      const target = path.replace('{userId}', userId).replace('{groupId}', groupId);
      const body = method === 'TRACE' ? undefined : JSON.stringify(aScimUser());
      const response = await raw(method, target, {}, body);
      expect(response.status).toBe(405);
      expect(response.headers['allow']).toBe(allow);
      expect(response.headers['content-type']).toMatch(/^application\/scim\+json\b/);
      expect(json(response)).toEqual({
        schemas: [SCIM_ERROR_URN],
        status: '405',
        detail: expect.stringContaining(method),
      });
    });

    it('is answered before authentication, as the 404 of an unknown route was', async () => {
      const response = await api.scim(undefined, 'PUT', '/Users', aScimUser());
      const body = await expectScimError(response, 405);
      expect(response.headers.get('allow')).toBe(COLLECTION);
      expect(body).not.toHaveProperty('scimType');
    });

    it.each<[string, string]>([
      ['GET', '/Me'],
      ['PUT', '/Me'],
      ['POST', '/Bulk'],
      ['GET', '/Nothing'],
      ['DELETE', '/Users/{userId}/extra'],
      ['PUT', ''],
    ])('%s %s, a path no route serves → 404 without Allow', async (method, path) => {
      const response = await api.scim(
        org.scimToken,
        method,
        path.replace('{userId}', userId),
        method === 'GET' ? undefined : {},
      );
      await expectScimError(response, 404);
      expect(response.headers.get('allow')).toBeNull();
    });

    it('a served method still answers as before (a missing user is 404, not 405)', async () => {
      await expectScimError(await api.scim(org.scimToken, 'DELETE', '/Users/missing'), 404);
    });
  });

  describe('HEAD and OPTIONS answer as they did', () => {
    it.each(['/Users', `/Users/{userId}`, '/Groups', '/ServiceProviderConfig', '/Schemas'])(
      'HEAD %s → 200 with no body, like its GET',
      async (path) => {
        const response = await raw('HEAD', path.replace('{userId}', userId), {});
        expect(response.status).toBe(200);
        expect(response.headers['allow']).toBeUndefined();
        expect(response.body).toBe('');
      },
    );

    it('HEAD without a token → 401, HEAD of a missing user → 404', async () => {
      expect((await rawRequest(`${api.baseUrl}/scim/v2/Users`, { method: 'HEAD' })).status).toBe(
        401,
      );
      expect((await raw('HEAD', '/Users/missing', {})).status).toBe(404);
    });

    it.each(['/Users', '/Users/{userId}', '/ServiceProviderConfig', '/Nothing'])(
      'OPTIONS %s → 404 in the SCIM envelope, without Allow',
      async (path) => {
        const response = await api.scim(org.scimToken, 'OPTIONS', path.replace('{userId}', userId));
        await expectScimError(response, 404);
        expect(response.headers.get('allow')).toBeNull();
      },
    );
  });
});
