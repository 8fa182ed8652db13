import {
  LIST_RESPONSE_URN,
  expectListResponse,
  expectScimContentType,
  expectScimError,
} from './support/scim-expectations';
import { TestApi } from './support/test-api';

// RFC 7644 §4 discovery, checked against the structure RFC 7643 §5–§7 gives it. The
// documents are public: clients read them before they hold a token.

const PUBLIC_URL = 'https://rollcall.example.test';
const BASE = `${PUBLIC_URL}/scim/v2`;

const URN = {
  user: 'urn:ietf:params:scim:schemas:core:2.0:User',
  enterprise: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
  rollcall: 'urn:ietf:params:scim:schemas:extension:rollcall:2.0:User',
  group: 'urn:ietf:params:scim:schemas:core:2.0:Group',
  serviceProviderConfig: 'urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig',
  resourceType: 'urn:ietf:params:scim:schemas:core:2.0:ResourceType',
  schema: 'urn:ietf:params:scim:schemas:core:2.0:Schema',
} as const;

interface AttributeJson {
  name: string;
  type: string;
  multiValued: boolean;
  description: string;
  required: boolean;
  caseExact: boolean;
  mutability: string;
  returned: string;
  uniqueness: string;
  canonicalValues?: string[];
  referenceTypes?: string[];
  subAttributes?: AttributeJson[];
}

interface SchemaJson {
  schemas: string[];
  id: string;
  name: string;
  description: string;
  attributes: AttributeJson[];
  meta: { resourceType: string; location: string };
}

interface ResourceTypeJson {
  schemas: string[];
  id: string;
  name: string;
  endpoint: string;
  description: string;
  schema: string;
  schemaExtensions: { schema: string; required: boolean }[];
  meta: { resourceType: string; location: string };
}

let api: TestApi;

beforeAll(async () => {
  api = await TestApi.start({ PUBLIC_URL });
});

afterAll(async () => {
  await api.stop();
});

/** A discovery request as a client without a token sends it. */
async function discover<T>(path: string): Promise<T> {
  const response = await api.scim(undefined, 'GET', path);
  expect(response.status).toBe(200);
  expectScimContentType(response);
  return (await response.json()) as T;
}

async function schemaById(id: string): Promise<SchemaJson> {
  return discover<SchemaJson>(`/Schemas/${id}`);
}

function attributeOf(
  parent: { attributes?: AttributeJson[]; subAttributes?: AttributeJson[] },
  name: string,
): AttributeJson {
  const found = (parent.attributes ?? parent.subAttributes ?? []).find((a) => a.name === name);
  if (!found) throw new Error(`no attribute ${name}`);
  return found;
}

function subAttributeNames(attribute: AttributeJson): string[] {
  return (attribute.subAttributes ?? []).map((a) => a.name);
}

describe('SCIM discovery (RFC 7644 §4)', () => {
  it.each([
    '/ServiceProviderConfig',
    '/ResourceTypes',
    '/ResourceTypes/User',
    '/ResourceTypes/Group',
    '/Schemas',
    `/Schemas/${URN.user}`,
    `/Schemas/${URN.group}`,
  ])('serves %s without a token', async (path) => {
    await discover(path);
  });

  describe('/ServiceProviderConfig (RFC 7643 §5)', () => {
    it('advertises what the server supports', async () => {
      const config = await discover<Record<string, unknown>>('/ServiceProviderConfig');
      expect(config).toMatchObject({
        schemas: [URN.serviceProviderConfig],
        patch: { supported: true },
        filter: { supported: true, maxResults: expect.any(Number) },
        bulk: {
          supported: expect.any(Boolean),
          maxOperations: expect.any(Number),
          maxPayloadSize: expect.any(Number),
        },
        sort: { supported: expect.any(Boolean) },
        etag: { supported: expect.any(Boolean) },
        changePassword: { supported: expect.any(Boolean) },
        meta: { resourceType: 'ServiceProviderConfig', location: `${BASE}/ServiceProviderConfig` },
      });
      expect((config['filter'] as { maxResults: number }).maxResults).toBeGreaterThan(0);
      expect(config['documentationUri']).toEqual(expect.any(String));
    });

    it('names at least one authentication scheme, the bearer token', async () => {
      const { authenticationSchemes } = await discover<{
        authenticationSchemes: { type: string; name: string; description: string }[];
      }>('/ServiceProviderConfig');
      expect(authenticationSchemes.length).toBeGreaterThan(0);
      for (const scheme of authenticationSchemes) {
        expect(scheme).toEqual(
          expect.objectContaining({
            type: expect.any(String),
            name: expect.any(String),
            description: expect.any(String),
          }),
        );
      }
      expect(authenticationSchemes.map((s) => s.type)).toContain('oauthbearertoken');
    });

    it('lists the secret token and OAuth 2.0 (client credentials, workload identity)', async () => {
      const { authenticationSchemes } = await discover<{
        authenticationSchemes: { type: string; specUri?: string; documentationUri?: string }[];
      }>('/ServiceProviderConfig');
      expect(authenticationSchemes.map((s) => s.specUri)).toEqual([
        'https://www.rfc-editor.org/info/rfc6750',
        'https://www.rfc-editor.org/info/rfc6749',
      ]);
      expect(authenticationSchemes[1]).toMatchObject({
        type: 'oauthbearertoken',
        documentationUri: expect.stringMatching(/^https?:\/\//),
      });
    });
  });

  describe('/ResourceTypes (RFC 7643 §6)', () => {
    it('lists User and Group in a ListResponse', async () => {
      const list = await expectListResponse<ResourceTypeJson>(
        await api.scim(undefined, 'GET', '/ResourceTypes'),
      );
      expect(list.schemas).toEqual([LIST_RESPONSE_URN]);
      expect(list.totalResults).toBe(2);
      expect(list.Resources.map((r) => r.id).sort()).toEqual(['Group', 'User']);
      for (const type of list.Resources) {
        expect(type.schemas).toEqual([URN.resourceType]);
        expect(type.meta).toEqual({
          resourceType: 'ResourceType',
          location: `${BASE}/ResourceTypes/${type.id}`,
        });
      }
    });

    it('describes User with the core schema and the enterprise and rollcall extensions', async () => {
      const user = await discover<ResourceTypeJson>('/ResourceTypes/User');
      expect(user).toMatchObject({
        id: 'User',
        name: 'User',
        endpoint: '/Users',
        schema: URN.user,
      });
      expect(user.schemaExtensions).toEqual(
        expect.arrayContaining([
          { schema: URN.enterprise, required: false },
          { schema: URN.rollcall, required: false },
        ]),
      );
      expect(user.schemaExtensions).toHaveLength(2);
    });

    it('describes Group with the core Group schema', async () => {
      const group = await discover<ResourceTypeJson>('/ResourceTypes/Group');
      expect(group).toMatchObject({
        id: 'Group',
        name: 'Group',
        endpoint: '/Groups',
        schema: URN.group,
        schemaExtensions: [],
      });
    });

    it('answers an unknown resource type with a SCIM 404', async () => {
      await expectScimError(await api.scim(undefined, 'GET', '/ResourceTypes/Printer'), 404);
    });
  });

  describe('/Schemas (RFC 7643 §7)', () => {
    it('lists the User, enterprise, rollcall and Group schemas', async () => {
      const list = await expectListResponse<SchemaJson>(
        await api.scim(undefined, 'GET', '/Schemas'),
      );
      expect(list.Resources.map((s) => s.id).sort()).toEqual(
        [URN.user, URN.enterprise, URN.rollcall, URN.group].sort(),
      );
      expect(list.totalResults).toBe(4);
      for (const schema of list.Resources) {
        expect(schema.schemas).toEqual([URN.schema]);
        expect(schema.name).toEqual(expect.any(String));
        expect(schema.meta).toEqual({
          resourceType: 'Schema',
          location: `${BASE}/Schemas/${schema.id}`,
        });
        expect(await schemaById(schema.id)).toEqual(schema);
      }
    });

    it('spells out every characteristic of every attribute, sub-attributes only on complex ones', async () => {
      const list = await expectListResponse<SchemaJson>(
        await api.scim(undefined, 'GET', '/Schemas'),
      );
      const problems: string[] = [];
      const check = (attribute: AttributeJson, path: string, depth: number): void => {
        const where = `${path}.${attribute.name}`;
        const characteristics: [keyof AttributeJson, (v: unknown) => boolean][] = [
          ['name', (v) => typeof v === 'string' && v !== ''],
          [
            'type',
            (v) =>
              [
                'string',
                'boolean',
                'decimal',
                'integer',
                'dateTime',
                'reference',
                'binary',
                'complex',
              ].includes(v as string),
          ],
          ['multiValued', (v) => typeof v === 'boolean'],
          ['description', (v) => typeof v === 'string' && v !== ''],
          ['required', (v) => typeof v === 'boolean'],
          ['caseExact', (v) => typeof v === 'boolean'],
          [
            'mutability',
            (v) => ['readOnly', 'readWrite', 'immutable', 'writeOnly'].includes(v as string),
          ],
          ['returned', (v) => ['always', 'never', 'default', 'request'].includes(v as string)],
          ['uniqueness', (v) => ['none', 'server', 'global'].includes(v as string)],
        ];
        for (const [key, valid] of characteristics) {
          if (!valid(attribute[key]))
            problems.push(`${where}: bad ${key} ${JSON.stringify(attribute[key])}`);
        }
        if (attribute.type === 'complex') {
          if (!attribute.subAttributes?.length)
            problems.push(`${where}: complex without subAttributes`);
          // RFC 7643 §2.3.8: a sub-attribute is never itself complex.
          if (depth > 0) problems.push(`${where}: complex sub-attribute`);
        } else if ('subAttributes' in attribute) {
          problems.push(`${where}: subAttributes on a ${attribute.type}`);
        }
        if (attribute.type === 'reference' && !attribute.referenceTypes?.length) {
          problems.push(`${where}: reference without referenceTypes`);
        }
        for (const sub of attribute.subAttributes ?? []) check(sub, where, depth + 1);
      };
      for (const schema of list.Resources) {
        expect(schema.attributes.length).toBeGreaterThan(0);
        for (const attribute of schema.attributes) check(attribute, schema.id, 0);
      }
      expect(problems).toEqual([]);
    });

    it('describes User: userName, emails, timezone, active as Entra maps them', async () => {
      const user = await schemaById(URN.user);
      expect(user.name).toBe('User');
      expect(attributeOf(user, 'userName')).toMatchObject({
        type: 'string',
        multiValued: false,
        required: true,
        caseExact: false,
        uniqueness: 'server',
      });
      const emails = attributeOf(user, 'emails');
      expect(emails).toMatchObject({ type: 'complex', multiValued: true, required: false });
      expect(subAttributeNames(emails)).toEqual(
        expect.arrayContaining(['value', 'type', 'primary']),
      );
      expect(attributeOf(emails, 'primary').type).toBe('boolean');
      expect(attributeOf(user, 'timezone')).toMatchObject({ type: 'string', multiValued: false });
      expect(attributeOf(user, 'active')).toMatchObject({ type: 'boolean', multiValued: false });
      const name = attributeOf(user, 'name');
      expect(name).toMatchObject({ type: 'complex', multiValued: false });
      expect(subAttributeNames(name)).toEqual(expect.arrayContaining(['givenName', 'familyName']));
      const phones = attributeOf(user, 'phoneNumbers');
      expect(phones).toMatchObject({ type: 'complex', multiValued: true });
      expect(subAttributeNames(phones)).toEqual(expect.arrayContaining(['value', 'type']));
    });

    it('describes the enterprise extension with manager as a complex reference', async () => {
      const enterprise = await schemaById(URN.enterprise);
      const manager = attributeOf(enterprise, 'manager');
      expect(manager).toMatchObject({ type: 'complex', multiValued: false });
      expect(subAttributeNames(manager)).toEqual(
        expect.arrayContaining(['value', '$ref', 'displayName']),
      );
      expect(attributeOf(manager, '$ref')).toMatchObject({
        type: 'reference',
        referenceTypes: ['User'],
      });
      expect(attributeOf(manager, 'displayName').mutability).toBe('readOnly');
      expect(attributeOf(enterprise, 'department').type).toBe('string');
    });

    it('describes the rollcall extension with roleName', async () => {
      const rollcall = await schemaById(URN.rollcall);
      expect(attributeOf(rollcall, 'roleName')).toMatchObject({
        type: 'string',
        multiValued: false,
        required: false,
        mutability: 'readWrite',
      });
    });

    it('describes Group with displayName and members', async () => {
      const group = await schemaById(URN.group);
      expect(group.name).toBe('Group');
      expect(attributeOf(group, 'displayName')).toMatchObject({ type: 'string', required: true });
      const members = attributeOf(group, 'members');
      expect(members).toMatchObject({ type: 'complex', multiValued: true });
      expect(subAttributeNames(members)).toEqual(expect.arrayContaining(['value']));
    });

    it('finds a schema by its URL-encoded URN too', async () => {
      expect((await schemaById(encodeURIComponent(URN.enterprise))).id).toBe(URN.enterprise);
    });

    it('answers an unknown schema id with a SCIM 404', async () => {
      await expectScimError(
        await api.scim(undefined, 'GET', '/Schemas/urn:ietf:params:scim:schemas:core:2.0:Printer'),
        404,
      );
    });
  });
});
