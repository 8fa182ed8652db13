import { TestApi } from '../support/test-api';
import { SCIM_AUTH_SCHEMES } from '../support/scim-auth-schemes';
import { ReplayClient } from './replay-client';
import {
  ENTERPRISE_URN,
  GROUP_URN,
  LIST_RESPONSE_URN,
  MAPPED_GROUP_ATTRIBUTES,
  MAPPED_USER_ATTRIBUTES,
  ROLLCALL_URN,
  USER_URN,
} from './validator-payloads';

// The validator's Schema_Discoverability_Test and the discovery documents Entra reads,
// replayed offline through every SCIM authentication scheme.

interface AttributeDefinition {
  name: string;
  type: string;
  multiValued: boolean;
  mutability: string;
  returned: string;
  canonicalValues?: string[];
  subAttributes?: AttributeDefinition[];
}

interface SchemaResource {
  id: string;
  attributes: AttributeDefinition[];
}

interface ListResponse<T> {
  schemas: string[];
  totalResults: number;
  Resources: T[];
}

/**
 * The attribute names the validator derives from one core schema: complex multi-valued
 * attributes as `emails[type eq "work"].value` for each canonical type (or
 * `[primary eq "True"]` without one), complex ones as `name.givenName`, references skipped,
 * `manager`/`members` by name.
 */
function flattenCore(attributes: readonly AttributeDefinition[]): string[] {
  return attributes.flatMap((attribute) => {
    if (attribute.name === 'manager' || attribute.name === 'members') return [attribute.name];
    const subs = attribute.subAttributes ?? [];
    if (attribute.type === 'complex' && attribute.multiValued) {
      const types = subs.find((sub) => sub.name === 'type')?.canonicalValues ?? [];
      if (types.length === 0) {
        return subs
          .filter((sub) => sub.name !== 'primary')
          .map((sub) => `${attribute.name}[primary eq "True"].${sub.name}`);
      }
      return types.flatMap((type) =>
        subs
          .filter((sub) => sub.name !== 'type' && sub.name !== 'primary')
          .map((sub) => `${attribute.name}[type eq "${type}"].${sub.name}`),
      );
    }
    if (attribute.type === 'complex') {
      return subs
        .filter((sub) => sub.type !== 'complex' && sub.type !== 'reference')
        .map((sub) => `${attribute.name}.${sub.name}`);
    }
    return attribute.type === 'reference' ? [] : [attribute.name];
  });
}

/** The definition a mapped path writes to, e.g. `emails` for `emails[type eq "work"].value`. */
function definitionOf(schemas: readonly SchemaResource[], path: string): AttributeDefinition {
  const [schemaId, name] = path.startsWith('urn:')
    ? [path.slice(0, path.lastIndexOf(':')), path.slice(path.lastIndexOf(':') + 1)]
    : [USER_URN, path.split(/[[.]/)[0] ?? path];
  const found = schemas
    .find((schema) => schema.id === schemaId)
    ?.attributes.find((attribute) => attribute.name.toLowerCase() === name.toLowerCase());
  if (!found) throw new Error(`/Schemas does not define ${path}`);
  return found;
}

describe('Validator replay: discovery', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await TestApi.start();
  });

  afterAll(async () => {
    await api.stop();
  });

  describe.each(SCIM_AUTH_SCHEMES)('through $name', (scheme) => {
    let scim: ReplayClient;

    beforeAll(async () => {
      scim = await ReplayClient.connect(api, await api.createOrganization('Contoso'), scheme);
    });

    const schemas = () =>
      scim.expect<ListResponse<SchemaResource>>(200, 'GET', '/Schemas').then((list) => {
        scim.verify(() => {
          expect(list.schemas).toEqual([LIST_RESPONSE_URN]);
          expect(list.totalResults).toBe(list.Resources.length);
        });
        return list.Resources;
      });

    it('/Schemas makes every mapped User attribute discoverable, roleName and timezone included', async () => {
      const all = await schemas();
      const core = all.find((schema) => schema.id === USER_URN);
      const extensions = all.filter((schema) => schema.id !== USER_URN && schema.id !== GROUP_URN);
      const flattened = [
        ...flattenCore(core?.attributes ?? []),
        ...extensions.flatMap((schema) =>
          schema.attributes.map((attribute) => `${schema.id}:${attribute.name}`),
        ),
      ].map((name) => name.toLowerCase());
      const missing = MAPPED_USER_ATTRIBUTES.filter(
        (path) => !flattened.includes(path.toLowerCase()),
      );
      scim.verify(() => {
        expect(extensions.map((schema) => schema.id).sort()).toEqual(
          [ENTERPRISE_URN, ROLLCALL_URN].sort(),
        );
        expect(missing).toEqual([]);
      });
      expect(flattened).toEqual(
        expect.arrayContaining(['timezone', `${ROLLCALL_URN}:rolename`.toLowerCase()]),
      );
    });

    it('/Schemas makes every mapped Group attribute discoverable', async () => {
      const group = (await schemas()).find((schema) => schema.id === GROUP_URN);
      const flattened = flattenCore(group?.attributes ?? []).map((name) => name.toLowerCase());
      const missing = MAPPED_GROUP_ATTRIBUTES.filter(
        (name) => !flattened.includes(name.toLowerCase()),
      );
      scim.verify(() => expect(missing).toEqual([]));
    });

    it('every mapped attribute is writable and returned by default', async () => {
      const all = await schemas();
      const definitions = [...MAPPED_USER_ATTRIBUTES]
        .filter((path) => path !== 'externalId')
        .map((path) => ({ path, definition: definitionOf(all, path) }));
      scim.verify(() => {
        for (const { path, definition } of definitions) {
          expect({ path, mutability: definition.mutability }).toEqual({
            path,
            mutability: 'readWrite',
          });
          expect({ path, returned: definition.returned }).toEqual({
            path,
            returned: 'default',
          });
        }
        expect(definitionOf(all, `${ROLLCALL_URN}:roleName`).canonicalValues).toEqual(
          expect.arrayContaining(['admin', 'member', 'responder', 'team_lead']),
        );
      });
    });

    it('/ResourceTypes lists User (with the enterprise and Rollcall extensions) and Group', async () => {
      const types = await scim.expect<ListResponse<Record<string, unknown>>>(
        200,
        'GET',
        '/ResourceTypes',
      );
      scim.verify(() => {
        expect(types.schemas).toEqual([LIST_RESPONSE_URN]);
        expect(types.Resources).toEqual(
          expect.arrayContaining([
            expect.objectContaining({
              name: 'User',
              endpoint: '/Users',
              schema: USER_URN,
              schemaExtensions: expect.arrayContaining([
                { schema: ENTERPRISE_URN, required: false },
                { schema: ROLLCALL_URN, required: false },
              ]),
            }),
            expect.objectContaining({ name: 'Group', endpoint: '/Groups', schema: GROUP_URN }),
          ]),
        );
      });
    });

    it('/ServiceProviderConfig: PATCH and filter supported (with maxResults), authentication schemes listed', async () => {
      const config = await scim.expect<Record<string, unknown>>(
        200,
        'GET',
        '/ServiceProviderConfig',
      );
      scim.verify(() => {
        expect(config).toMatchObject({
          schemas: ['urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig'],
          patch: { supported: true },
          filter: { supported: true, maxResults: expect.any(Number) },
        });
        expect((config['filter'] as { maxResults: number }).maxResults).toBeGreaterThan(0);
        const schemes = config['authenticationSchemes'] as Record<string, unknown>[];
        expect(schemes.length).toBeGreaterThan(0);
        for (const listed of schemes) {
          expect(listed).toMatchObject({
            type: expect.any(String),
            name: expect.any(String),
            description: expect.any(String),
          });
        }
      });
    });
  });
});
