import { TestApi, type TestOrganization } from './support/test-api';
import { testDialect } from './support/test-database';
import {
  operationsOf,
  refsOf,
  resolveRef,
  schemaMismatches,
  type OpenApiDocument,
  type OpenApiOperation,
} from './support/openapi-document';
import { unique } from './support/scim-user.builder';

// The OpenAPI document is what a developer generates a SCIM client from. These tests hold
// it to the OpenAPI 3.0 rules a generator relies on (no validator is installed), to what
// the SCIM brief asks of every operation, and to what the server really answers.

const SCIM = 'application/scim+json';
const SCIM_SECURITY = ['scim-token', 'scim-access-token', 'scim-oauth'];
/** RFC 7644 §3.12 Table 9. */
const RFC_SCIM_TYPES = [
  'invalidFilter',
  'tooMany',
  'uniqueness',
  'mutability',
  'invalidSyntax',
  'invalidPath',
  'noTarget',
  'invalidValue',
  'invalidVers',
  'sensitive',
];

interface Expected {
  /** The request body's component schema, for operations that take one. */
  body?: string;
  /** Success statuses and the component schema of their body (undefined: no body). */
  success: Record<number, string | undefined>;
  /** Every error status the operation documents. */
  errors: number[];
  /** 400's scimTypes. */
  badRequest?: string[];
  /** 304 to If-None-Match (with the ETag, no body). */
  notModified?: boolean;
  /** Needs a credential (false: public discovery). */
  authenticated: boolean;
}

const AUTHENTICATED = [400, 401, 429, 503];
const WITH_BODY = [...AUTHENTICATED, 413, 415];

const SCIM_OPERATIONS: Record<string, Expected> = {
  'post /scim/v2/Users': {
    body: 'ScimUser',
    success: { 201: 'ScimUser' },
    errors: [...WITH_BODY, 409],
    badRequest: ['invalidSyntax', 'invalidValue'],
    authenticated: true,
  },
  'get /scim/v2/Users': {
    success: { 200: 'ScimUserListResponse' },
    errors: AUTHENTICATED,
    badRequest: ['invalidFilter', 'invalidValue'],
    authenticated: true,
  },
  'post /scim/v2/Users/.search': {
    body: 'ScimSearchRequest',
    success: { 200: 'ScimUserListResponse' },
    errors: WITH_BODY,
    badRequest: ['invalidFilter', 'invalidSyntax', 'invalidValue'],
    authenticated: true,
  },
  'get /scim/v2/Users/{id}': {
    success: { 200: 'ScimUser' },
    notModified: true,
    errors: [...AUTHENTICATED, 404],
    badRequest: ['invalidValue'],
    authenticated: true,
  },
  'put /scim/v2/Users/{id}': {
    body: 'ScimUser',
    success: { 200: 'ScimUser' },
    errors: [...WITH_BODY, 404, 409, 412],
    badRequest: ['invalidSyntax', 'invalidValue', 'mutability'],
    authenticated: true,
  },
  'patch /scim/v2/Users/{id}': {
    body: 'ScimPatchOp',
    success: { 200: 'ScimUser' },
    errors: [...WITH_BODY, 404, 409, 412],
    badRequest: ['invalidSyntax', 'invalidPath', 'invalidValue', 'noTarget', 'mutability'],
    authenticated: true,
  },
  'delete /scim/v2/Users/{id}': {
    success: { 204: undefined },
    errors: [...AUTHENTICATED, 404, 412],
    badRequest: ['invalidValue'],
    authenticated: true,
  },
  'post /scim/v2/Groups': {
    body: 'ScimGroup',
    success: { 201: 'ScimGroup' },
    errors: [...WITH_BODY, 409],
    badRequest: ['invalidSyntax', 'invalidValue'],
    authenticated: true,
  },
  'get /scim/v2/Groups': {
    success: { 200: 'ScimGroupListResponse' },
    errors: AUTHENTICATED,
    badRequest: ['invalidFilter', 'invalidValue'],
    authenticated: true,
  },
  'post /scim/v2/Groups/.search': {
    body: 'ScimSearchRequest',
    success: { 200: 'ScimGroupListResponse' },
    errors: WITH_BODY,
    badRequest: ['invalidFilter', 'invalidSyntax', 'invalidValue'],
    authenticated: true,
  },
  'get /scim/v2/Groups/{id}': {
    success: { 200: 'ScimGroup' },
    notModified: true,
    errors: [...AUTHENTICATED, 404],
    badRequest: ['invalidValue'],
    authenticated: true,
  },
  'put /scim/v2/Groups/{id}': {
    body: 'ScimGroup',
    success: { 200: 'ScimGroup' },
    errors: [...WITH_BODY, 404, 409, 412],
    badRequest: ['invalidSyntax', 'invalidValue', 'mutability'],
    authenticated: true,
  },
  'patch /scim/v2/Groups/{id}': {
    body: 'ScimPatchOp',
    success: { 200: 'ScimGroup', 204: undefined },
    errors: [...WITH_BODY, 404, 409, 412],
    badRequest: ['invalidSyntax', 'invalidPath', 'invalidValue', 'noTarget', 'mutability'],
    authenticated: true,
  },
  'delete /scim/v2/Groups/{id}': {
    success: { 204: undefined },
    errors: [...AUTHENTICATED, 404, 412],
    badRequest: ['invalidValue'],
    authenticated: true,
  },
  'get /scim/v2/ServiceProviderConfig': {
    success: { 200: 'ScimServiceProviderConfig' },
    errors: [],
    authenticated: false,
  },
  'get /scim/v2/ResourceTypes': {
    success: { 200: 'ScimResourceTypeListResponse' },
    errors: [],
    authenticated: false,
  },
  'get /scim/v2/ResourceTypes/{id}': {
    success: { 200: 'ScimResourceType' },
    errors: [404],
    authenticated: false,
  },
  'get /scim/v2/Schemas': {
    success: { 200: 'ScimSchemaListResponse' },
    errors: [],
    authenticated: false,
  },
  'get /scim/v2/Schemas/{id}': {
    success: { 200: 'ScimSchema' },
    errors: [404],
    authenticated: false,
  },
};

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const byStatus = (statuses: number[]) => [...new Set(statuses)].map(String).sort();

describe(`the OpenAPI document at /api/docs-json on ${testDialect()}`, () => {
  let api: TestApi;
  let org: TestOrganization;
  let document: OpenApiDocument;

  const operation = (key: string): OpenApiOperation => {
    const [method = '', path = ''] = key.split(' ');
    const found = document.paths[path]?.[method];
    if (!found) throw new Error(`${key} is not in the document`);
    return found;
  };

  beforeAll(async () => {
    api = await TestApi.start();
    org = await api.createOrganization('OpenAPI Org');
    const response = await fetch(`${api.baseUrl}/api/docs-json`);
    expect(response.status).toBe(200);
    document = (await response.json()) as OpenApiDocument;
  });

  afterAll(async () => {
    await api?.stop();
  });

  describe('as an OpenAPI 3.0 document', () => {
    it('declares OpenAPI 3.0.x with a title and a version', () => {
      expect(document.openapi).toMatch(/^3\.0\.\d+$/);
      expect(typeof document.info.title).toBe('string');
      expect(typeof document.info.version).toBe('string');
    });

    it('resolves every $ref to a component', () => {
      const dangling = refsOf(document).filter(
        ({ ref: target }) =>
          !target.startsWith('#/components/') || resolveRef(document, target) === undefined,
      );
      expect(dangling).toEqual([]);
    });

    it('gives every operation a unique operationId and described responses with valid codes', () => {
      const ids = operationsOf(document).map(({ operation: op }) => op.operationId);
      expect(ids.every((id) => typeof id === 'string')).toBe(true);
      expect(new Set(ids).size).toBe(ids.length);
      const invalid = operationsOf(document).flatMap(({ path, method, operation: op }) => {
        const responses = Object.entries(op.responses ?? {});
        if (responses.length === 0) return [`${method} ${path}: no responses`];
        return responses
          .filter(
            ([code, response]) =>
              !/^(default|[1-5](\d\d|XX))$/.test(code) || typeof response.description !== 'string',
          )
          .map(([code]) => `${method} ${path}: ${code}`);
      });
      expect(invalid).toEqual([]);
    });

    it('declares every parameter of every path template as a required path parameter', () => {
      const missing = operationsOf(document).flatMap(({ path, method, operation: op }) =>
        [...path.matchAll(/\{([^}]+)\}/g)]
          .map(([, name]) => name)
          .filter(
            (name) => !op.parameters?.some((p) => p.in === 'path' && p.name === name && p.required),
          )
          .map((name) => `${method} ${path}: {${name}}`),
      );
      expect(missing).toEqual([]);
    });

    it('defines every security scheme an operation references, each complete', () => {
      const schemes = document.components.securitySchemes ?? {};
      const problems = operationsOf(document).flatMap(({ path, method, operation: op }) =>
        (op.security ?? []).flatMap((requirement) =>
          Object.entries(requirement).flatMap(([name, scopes]) => {
            const scheme = schemes[name];
            if (!scheme) return [`${method} ${path}: undefined scheme ${name}`];
            const known = Object.values(scheme.flows ?? {}).flatMap((flow) =>
              Object.keys(flow.scopes ?? {}),
            );
            return scopes
              .filter((scope) => scheme.type !== 'oauth2' || !known.includes(scope))
              .map((scope) => `${method} ${path}: scope ${scope} of ${name}`);
          }),
        ),
      );
      expect(problems).toEqual([]);
      for (const [name, scheme] of Object.entries(schemes)) {
        const complete =
          (scheme.type === 'http' && typeof scheme.scheme === 'string') ||
          (scheme.type === 'apiKey' &&
            typeof scheme.name === 'string' &&
            ['query', 'header', 'cookie'].includes(scheme.in ?? '')) ||
          (scheme.type === 'oauth2' &&
            Object.values(scheme.flows ?? {}).every(
              (flow) => typeof flow.tokenUrl === 'string' && typeof flow.scopes === 'object',
            ));
        expect({ name, complete }).toEqual({ name, complete: true });
      }
    });
  });

  describe('security schemes', () => {
    it('tells the Secret Token, the OAuth access token, client credentials and admin credentials apart', () => {
      const schemes = document.components.securitySchemes ?? {};
      expect(schemes['scim-token']).toMatchObject({ type: 'http', scheme: 'bearer' });
      expect(schemes['scim-access-token']).toMatchObject({
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
      });
      expect(schemes['scim-oauth']?.flows?.['clientCredentials']?.tokenUrl).toMatch(
        /\/oauth\/token$/,
      );
      expect(schemes['api-key']).toMatchObject({ type: 'http', scheme: 'bearer' });
      expect(schemes['rollcall_session']).toMatchObject({ type: 'apiKey', in: 'cookie' });
      expect(schemes['rollcall_member_session']).toMatchObject({ type: 'apiKey', in: 'cookie' });
    });

    it('lets /oauth/token be called with HTTP Basic or with the credentials in the form', () => {
      expect(operation('post /oauth/token').security).toEqual(
        expect.arrayContaining([{}, { 'oauth-client-basic': [] }]),
      );
    });

    it('offers the api-key scheme beside the session on the routes that accept API keys', () => {
      for (const { path, method, operation: op } of operationsOf(document)) {
        if (!path.startsWith('/api/')) continue;
        const accepts = (op as Record<string, unknown>)['x-accepts-api-key'] === true;
        const offered = op.security?.some((requirement) => 'api-key' in requirement) ?? false;
        expect({ path, method, offered }).toEqual({ path, method, offered: accepts });
      }
    });
  });

  describe('every SCIM operation', () => {
    it('is listed here, so a new one cannot go undocumented', () => {
      const documented = operationsOf(document)
        .filter(({ path }) => path.startsWith('/scim/v2'))
        .map(({ path, method }) => `${method} ${path}`);
      expect(documented.sort()).toEqual(Object.keys(SCIM_OPERATIONS).sort());
    });

    it.each(Object.entries(SCIM_OPERATIONS))(
      '%s: its request body, if any, in application/scim+json and application/json with examples',
      (key, expected) => {
        const body = operation(key).requestBody;
        if (!expected.body) {
          expect(body).toBeUndefined();
          return;
        }
        expect(Object.keys(body?.content ?? {}).sort()).toEqual(['application/json', SCIM]);
        for (const media of Object.values(body?.content ?? {})) {
          expect(media.schema).toEqual(ref(expected.body));
          expect(Object.keys(media.examples ?? {}).length).toBeGreaterThan(0);
        }
      },
    );

    it.each(Object.entries(SCIM_OPERATIONS))(
      '%s: its success answers, with a schema or without a body',
      (key, expected) => {
        const responses = operation(key).responses ?? {};
        const success = Object.keys(responses).filter((code) => code.startsWith('2'));
        expect(success.sort()).toEqual(Object.keys(expected.success).sort());
        for (const [code, schema] of Object.entries(expected.success)) {
          const content = responses[code]?.content;
          if (schema === undefined) expect(content).toBeUndefined();
          else expect(content).toEqual({ [SCIM]: { schema: ref(schema) } });
        }
      },
    );

    it.each(Object.entries(SCIM_OPERATIONS))(
      '%s: every error in the SCIM envelope, with its status and scimTypes',
      (key, expected) => {
        const responses = operation(key).responses ?? {};
        const errors = Object.keys(responses).filter(
          (code) => !code.startsWith('2') && code !== '304',
        );
        expect(errors.sort()).toEqual(byStatus(expected.errors));
        if (expected.notModified) {
          expect(responses['304']?.content).toBeUndefined();
          expect(responses['304']?.headers).toHaveProperty('ETag');
        } else {
          expect(responses['304']).toBeUndefined();
        }
        for (const code of errors) {
          const schema = responses[code]?.content?.[SCIM]?.schema;
          expect(schema?.allOf?.[0]).toEqual(ref('ScimError'));
          const narrowed = schema?.allOf?.[1]?.properties;
          expect(narrowed?.['status']?.enum).toEqual([code]);
          const scimTypes = narrowed?.['scimType']?.enum;
          if (code === '400') expect(scimTypes).toEqual(expected.badRequest);
          else if (code === '409') expect(scimTypes).toEqual(['uniqueness']);
          // A stale If-Match: RFC 7644 §3.14 names no scimType for it; SCIM clients expect this one.
          else if (code === '412') expect(scimTypes).toEqual(['preconditionFailed']);
          else expect(scimTypes).toBeUndefined();
          for (const scimType of scimTypes ?? []) {
            if (code !== '412') expect(RFC_SCIM_TYPES).toContain(scimType);
          }
        }
        for (const code of ['429', '503']) {
          if (responses[code]) expect(responses[code]?.headers).toHaveProperty('Retry-After');
        }
        if (responses['401']) expect(responses['401'].headers).toHaveProperty('WWW-Authenticate');
      },
    );

    it.each(Object.entries(SCIM_OPERATIONS))('%s: the credentials it accepts', (key, expected) => {
      const security = operation(key).security;
      if (!expected.authenticated) {
        expect(security).toBeUndefined();
        return;
      }
      expect(security?.flatMap((requirement) => Object.keys(requirement)).sort()).toEqual(
        [...SCIM_SECURITY].sort(),
      );
    });
  });

  describe('says what the server answers', () => {
    /** The answer is documented for this operation: status, media type, body and headers. */
    async function expectDocumented(key: string, response: Response): Promise<unknown> {
      const documented = operation(key).responses?.[String(response.status)];
      expect({ key, status: response.status, documented: documented !== undefined }).toEqual({
        key,
        status: response.status,
        documented: true,
      });
      for (const header of Object.keys(documented?.headers ?? {})) {
        expect({ key, header, sent: response.headers.has(header) }).toEqual({
          key,
          header,
          sent: true,
        });
      }
      const text = await response.text();
      const content = documented?.content;
      if (!content) {
        expect(text).toBe('');
        return undefined;
      }
      const [mediaType, media] = Object.entries(content)[0] ?? [];
      expect(response.headers.get('content-type')?.split(';')[0]).toBe(mediaType);
      const body: unknown = JSON.parse(text);
      expect(schemaMismatches(document, media?.schema ?? {}, body)).toEqual([]);
      return body;
    }

    const example = (key: string, name: string): Record<string, unknown> =>
      structuredClone(
        operation(key).requestBody?.content?.[SCIM]?.examples?.[name]?.value as Record<
          string,
          unknown
        >,
      );

    it('creates, reads, lists, patches and deletes a user from the documented examples', async () => {
      const userName = `${unique('ada')}@contoso.example`;
      const sent = { ...example('post /scim/v2/Users', 'entra'), userName, externalId: userName };
      const created = (await expectDocumented(
        'post /scim/v2/Users',
        await api.scim(org.scimToken, 'POST', '/Users', sent),
      )) as { id: string };
      await expectDocumented(
        'post /scim/v2/Users',
        await api.scim(org.scimToken, 'POST', '/Users', sent),
      );
      await expectDocumented(
        'get /scim/v2/Users/{id}',
        await api.scim(org.scimToken, 'GET', `/Users/${created.id}`),
      );
      await expectDocumented(
        'get /scim/v2/Users',
        await api.scim(
          org.scimToken,
          'GET',
          `/Users?filter=${encodeURIComponent(`userName eq "${userName}"`)}`,
        ),
      );
      await expectDocumented(
        'post /scim/v2/Users/.search',
        await api.scim(
          org.scimToken,
          'POST',
          '/Users/.search',
          example('post /scim/v2/Users/.search', 'search'),
        ),
      );
      await expectDocumented(
        'patch /scim/v2/Users/{id}',
        await api.scim(
          org.scimToken,
          'PATCH',
          `/Users/${created.id}`,
          example('patch /scim/v2/Users/{id}', 'entra'),
        ),
      );
      await expectDocumented(
        'put /scim/v2/Users/{id}',
        await api.scim(org.scimToken, 'PUT', `/Users/${created.id}`, { ...sent, id: 'another' }),
      );
      await expectDocumented(
        'delete /scim/v2/Users/{id}',
        await api.scim(org.scimToken, 'DELETE', `/Users/${created.id}`),
      );
      await expectDocumented(
        'get /scim/v2/Users/{id}',
        await api.scim(org.scimToken, 'GET', `/Users/${created.id}`),
      );
    });

    it('answers refused requests with the documented errors', async () => {
      const invalidFilter = await api.scim(org.scimToken, 'GET', '/Users?filter=nickName%20zz%20x');
      expect(invalidFilter.status).toBe(400);
      await expectDocumented('get /scim/v2/Users', invalidFilter);
      await expectDocumented('get /scim/v2/Users', await api.scim(undefined, 'GET', '/Users'));
      await expectDocumented(
        'post /scim/v2/Users',
        await api.scim(org.scimToken, 'POST', '/Users', '{"userName": '),
      );
      await expectDocumented(
        'post /scim/v2/Users',
        await api.scim(
          org.scimToken,
          'POST',
          '/Users',
          { userName: 'x' },
          {
            'Content-Type': 'application/scim+json; charset=latin1',
          },
        ),
      );
      await expectDocumented(
        'patch /scim/v2/Users/{id}',
        await api.scim(org.scimToken, 'PATCH', '/Users/missing', {
          schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
          Operations: [{ op: 'Remove' }],
        }),
      );
    });

    it('answers PATCH /Groups/{id} with 204, or 200 and the group when attributes is given', async () => {
      const user = (await (
        await api.scim(org.scimToken, 'POST', '/Users', {
          userName: `${unique('grace')}@x.example`,
        })
      ).json()) as { id: string };
      const group = (await expectDocumented(
        'post /scim/v2/Groups',
        await api.scim(org.scimToken, 'POST', '/Groups', {
          ...example('post /scim/v2/Groups', 'entra'),
          displayName: unique('On-call'),
        }),
      )) as { id: string; displayName: string };
      const addMember = JSON.parse(
        JSON.stringify(example('patch /scim/v2/Groups/{id}', 'entra')).replace(
          /<(another )?user id>/g,
          user.id,
        ),
      ) as unknown;
      const patched = await api.scim(org.scimToken, 'PATCH', `/Groups/${group.id}`, addMember);
      expect(patched.status).toBe(204);
      await expectDocumented('patch /scim/v2/Groups/{id}', patched);
      const excluded = await api.scim(
        org.scimToken,
        'PATCH',
        `/Groups/${group.id}?excludedAttributes=members`,
        addMember,
      );
      expect(excluded.status).toBe(204);
      const withAttributes = await api.scim(
        org.scimToken,
        'PATCH',
        `/Groups/${group.id}?attributes=displayName,members`,
        addMember,
      );
      expect(withAttributes.status).toBe(200);
      expect(await expectDocumented('patch /scim/v2/Groups/{id}', withAttributes)).toMatchObject({
        members: [{ value: user.id }],
      });
      await expectDocumented(
        'get /scim/v2/Groups/{id}',
        await api.scim(org.scimToken, 'GET', `/Groups/${group.id}`),
      );
      await expectDocumented(
        'post /scim/v2/Groups/.search',
        await api.scim(
          org.scimToken,
          'POST',
          '/Groups/.search',
          example('post /scim/v2/Groups/.search', 'search'),
        ),
      );
      await expectDocumented(
        'post /scim/v2/Groups',
        await api.scim(org.scimToken, 'POST', '/Groups', { displayName: group.displayName }),
      );
      await expectDocumented(
        'delete /scim/v2/Groups/{id}',
        await api.scim(org.scimToken, 'DELETE', `/Groups/${group.id}`),
      );
    });

    it('serves the discovery documents as documented, without credentials', async () => {
      for (const [key, path] of [
        ['get /scim/v2/ServiceProviderConfig', '/ServiceProviderConfig'],
        ['get /scim/v2/ResourceTypes', '/ResourceTypes'],
        ['get /scim/v2/ResourceTypes/{id}', '/ResourceTypes/User'],
        ['get /scim/v2/ResourceTypes/{id}', '/ResourceTypes/Nope'],
        ['get /scim/v2/Schemas', '/Schemas'],
        ['get /scim/v2/Schemas/{id}', '/Schemas/urn:ietf:params:scim:schemas:core:2.0:Group'],
      ] as const) {
        await expectDocumented(key, await api.scim(undefined, 'GET', path));
      }
    });

    it('answers /oauth/token refusals in the documented shape', async () => {
      const json = await fetch(`${api.baseUrl}/oauth/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ grant_type: 'client_credentials' }),
      });
      expect(json.status).toBe(400);
      await expectDocumented('post /oauth/token', json);
      const unknownClient = await fetch(`${api.baseUrl}/oauth/token`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          Authorization: `Basic ${Buffer.from('rcc_unknown:wrong').toString('base64')}`,
        },
        body: 'grant_type=client_credentials&scope=scim',
      });
      expect(unknownClient.status).toBe(401);
      await expectDocumented('post /oauth/token', unknownClient);
    });
  });
});
