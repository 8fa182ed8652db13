import {
  resourceTypesDocuments,
  schemaDocuments,
  serviceProviderConfigDocument,
} from './discovery.documents';
import type { ScimAttributeDefinition } from './schema.types';
import {
  ENTERPRISE_USER_SCHEMA_URN,
  GROUP_SCHEMA_URN,
  RESOURCE_TYPE_SCHEMA_URN,
  ROLLCALL_USER_SCHEMA_URN,
  SCHEMA_SCHEMA_URN,
  SERVICE_PROVIDER_CONFIG_SCHEMA_URN,
  USER_SCHEMA_URN,
} from './scim-urns';

const BASE_URL = 'http://localhost:3000/scim/v2';

const CHARACTERISTICS = [
  'name',
  'type',
  'multiValued',
  'description',
  'required',
  'caseExact',
  'mutability',
  'returned',
  'uniqueness',
] as const;

const TYPES = [
  'string',
  'boolean',
  'decimal',
  'integer',
  'dateTime',
  'reference',
  'binary',
  'complex',
];

function walk(
  attributes: ScimAttributeDefinition[],
  visit: (attribute: ScimAttributeDefinition, path: string, depth: number) => void,
  prefix = '',
  depth = 0,
): void {
  for (const attribute of attributes) {
    const path = `${prefix}${attribute.name}`;
    visit(attribute, path, depth);
    walk(attribute.subAttributes ?? [], visit, `${path}.`, depth + 1);
  }
}

describe('serviceProviderConfigDocument', () => {
  const scheme = {
    type: 'oauthbearertoken',
    name: 'OAuth Bearer Token',
    description: 'Authentication scheme using the OAuth Bearer Token Standard',
    specUri: 'https://www.rfc-editor.org/info/rfc6750',
    primary: true,
  };

  it('advertises what Rollcall supports (RFC 7643 §5)', () => {
    const doc = serviceProviderConfigDocument(BASE_URL, {
      maxResults: 200,
      maxPayloadSize: 1_048_576,
      authenticationSchemes: [scheme],
    });
    expect(doc).toEqual({
      schemas: [SERVICE_PROVIDER_CONFIG_SCHEMA_URN],
      documentationUri: expect.any(String),
      patch: { supported: true },
      bulk: { supported: false, maxOperations: 0, maxPayloadSize: 1_048_576 },
      filter: { supported: true, maxResults: 200 },
      changePassword: { supported: false },
      sort: { supported: true },
      etag: { supported: true },
      authenticationSchemes: [scheme],
      meta: {
        resourceType: 'ServiceProviderConfig',
        location: 'http://localhost:3000/scim/v2/ServiceProviderConfig',
      },
    });
  });

  it('uses a given documentationUri and tolerates a trailing slash on the base URL', () => {
    const doc = serviceProviderConfigDocument(`${BASE_URL}/`, {
      maxResults: 1,
      maxPayloadSize: 1,
      authenticationSchemes: [],
      documentationUri: 'https://rollcall.example/api/docs',
    });
    expect(doc.documentationUri).toBe('https://rollcall.example/api/docs');
    expect(doc.meta.location).toBe(`${BASE_URL}/ServiceProviderConfig`);
  });
});

describe('resourceTypesDocuments', () => {
  it('describes User with both optional extensions and Group without any (RFC 7643 §6)', () => {
    expect(resourceTypesDocuments(BASE_URL)).toEqual([
      {
        schemas: [RESOURCE_TYPE_SCHEMA_URN],
        id: 'User',
        name: 'User',
        endpoint: '/Users',
        description: 'User Account',
        schema: USER_SCHEMA_URN,
        schemaExtensions: [
          { schema: ENTERPRISE_USER_SCHEMA_URN, required: false },
          { schema: ROLLCALL_USER_SCHEMA_URN, required: false },
        ],
        meta: { resourceType: 'ResourceType', location: `${BASE_URL}/ResourceTypes/User` },
      },
      {
        schemas: [RESOURCE_TYPE_SCHEMA_URN],
        id: 'Group',
        name: 'Group',
        endpoint: '/Groups',
        description: 'Group',
        schema: GROUP_SCHEMA_URN,
        schemaExtensions: [],
        meta: { resourceType: 'ResourceType', location: `${BASE_URL}/ResourceTypes/Group` },
      },
    ]);
  });

  it('only references schemas that /Schemas serves', () => {
    const served = new Set(schemaDocuments(BASE_URL).map((s) => s.id));
    for (const type of resourceTypesDocuments(BASE_URL)) {
      expect(served).toContain(type.schema);
      for (const ext of type.schemaExtensions) expect(served).toContain(ext.schema);
    }
  });
});

describe('schemaDocuments', () => {
  const docs = schemaDocuments(BASE_URL);

  it('serves the four schemas, ids being their URNs', () => {
    expect(docs.map((d) => [d.id, d.name])).toEqual([
      [USER_SCHEMA_URN, 'User'],
      [ENTERPRISE_USER_SCHEMA_URN, 'EnterpriseUser'],
      [ROLLCALL_USER_SCHEMA_URN, 'RollcallUser'],
      [GROUP_SCHEMA_URN, 'Group'],
    ]);
  });

  it.each(docs.map((d) => [d.id, d] as const))('%s is a Schema resource', (id, doc) => {
    expect(doc.schemas).toEqual([SCHEMA_SCHEMA_URN]);
    expect(doc.description.length).toBeGreaterThan(0);
    expect(doc.meta).toEqual({ resourceType: 'Schema', location: `${BASE_URL}/Schemas/${id}` });
  });

  it.each(docs.map((d) => [d.id, d] as const))(
    '%s spells out every characteristic of every attribute (RFC 7643 §7)',
    (_id, doc) => {
      expect(doc.attributes.length).toBeGreaterThan(0);
      walk(doc.attributes, (attribute, path, depth) => {
        for (const characteristic of CHARACTERISTICS) {
          expect({ path, [characteristic]: attribute[characteristic] }).toEqual({
            path,
            [characteristic]: expect.anything(),
          });
        }
        expect(TYPES).toContain(attribute.type);
        expect(attribute.description.length).toBeGreaterThan(0);
        // §2.4: sub-attributes only on complex attributes, one level deep.
        if (attribute.type === 'complex') {
          expect(attribute.subAttributes?.length).toBeGreaterThan(0);
        } else {
          expect({ path, sub: attribute.subAttributes }).toEqual({ path, sub: undefined });
        }
        expect(depth).toBeLessThan(2);
        if (attribute.type === 'reference') {
          expect({ path, refs: attribute.referenceTypes?.length }).toEqual({
            path,
            refs: expect.any(Number),
          });
        }
      });
    },
  );

  it.each(docs.map((d) => [d.id, d] as const))(
    '%s has unique attribute names, case-insensitively',
    (_id, doc) => {
      const check = (attributes: ScimAttributeDefinition[]): void => {
        const names = attributes.map((a) => a.name.toLowerCase());
        expect(new Set(names).size).toBe(names.length);
        for (const a of attributes) check(a.subAttributes ?? []);
      };
      check(doc.attributes);
    },
  );

  it('keeps id and meta out of the schemas (RFC 7643 §3.1)', () => {
    for (const doc of docs) {
      expect(doc.attributes.map((a) => a.name)).not.toContain('id');
      expect(doc.attributes.map((a) => a.name)).not.toContain('meta');
    }
  });

  it('describes externalId in the User and Group schemas only, for Entra’s discoverability check', () => {
    const withExternalId = docs
      .filter((doc) => doc.attributes.some((a) => a.name === 'externalId'))
      .map((doc) => doc.id);
    expect(withExternalId).toEqual([USER_SCHEMA_URN, GROUP_SCHEMA_URN]);
    const externalId = docs[0]?.attributes.find((a) => a.name === 'externalId');
    expect(externalId).toMatchObject({
      type: 'string',
      multiValued: false,
      caseExact: true,
      mutability: 'readWrite',
      returned: 'default',
    });
  });

  it('returns copies, so a caller cannot alter what the next request sees', () => {
    const first = schemaDocuments(BASE_URL);
    const userName = first[0]?.attributes[0];
    if (userName) userName.required = false;
    expect(schemaDocuments(BASE_URL)[0]?.attributes[0]?.required).toBe(true);
  });

  it('serialises to JSON that round-trips', () => {
    expect(JSON.parse(JSON.stringify(docs))).toEqual(docs);
  });
});
