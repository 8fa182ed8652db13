import {
  findResourceSchema,
  GROUP_RESOURCE_SCHEMAS,
  resolveAttributePath,
  USER_RESOURCE_SCHEMAS,
  type ScimResourceSchemas,
} from './attribute-lookup';
import { attribute } from './attribute.factory';
import {
  ENTERPRISE_USER_SCHEMA_URN,
  GROUP_SCHEMA_URN,
  ROLLCALL_USER_SCHEMA_URN,
  USER_SCHEMA_URN,
} from './scim-urns';

const ENT = ENTERPRISE_USER_SCHEMA_URN;

describe('resolveAttributePath against the User resource', () => {
  it.each<[string, string, string, string, string | undefined]>([
    // path, canonical, schemaUrn, scope, sub-attribute name
    ['userName', 'userName', USER_SCHEMA_URN, 'core', undefined],
    ['USERNAME', 'userName', USER_SCHEMA_URN, 'core', undefined],
    ['  userName ', 'userName', USER_SCHEMA_URN, 'core', undefined],
    ['name.givenName', 'name.givenName', USER_SCHEMA_URN, 'core', 'givenName'],
    ['Name.FamilyName', 'name.familyName', USER_SCHEMA_URN, 'core', 'familyName'],
    ['emails.value', 'emails.value', USER_SCHEMA_URN, 'core', 'value'],
    ['emails', 'emails', USER_SCHEMA_URN, 'core', undefined],
    ['phoneNumbers.type', 'phoneNumbers.type', USER_SCHEMA_URN, 'core', 'type'],
    ['groups.$ref', 'groups.$ref', USER_SCHEMA_URN, 'core', '$ref'],
    ['active', 'active', USER_SCHEMA_URN, 'core', undefined],
    [`${USER_SCHEMA_URN}:userName`, 'userName', USER_SCHEMA_URN, 'core', undefined],
    [
      `${USER_SCHEMA_URN.toLowerCase()}:name.givenName`,
      'name.givenName',
      USER_SCHEMA_URN,
      'core',
      'givenName',
    ],
    ['id', 'id', USER_SCHEMA_URN, 'common', undefined],
    ['externalId', 'externalId', USER_SCHEMA_URN, 'common', undefined],
    ['EXTERNALID', 'externalId', USER_SCHEMA_URN, 'common', undefined],
    ['meta', 'meta', USER_SCHEMA_URN, 'common', undefined],
    ['meta.created', 'meta.created', USER_SCHEMA_URN, 'common', 'created'],
    ['meta.lastModified', 'meta.lastModified', USER_SCHEMA_URN, 'common', 'lastModified'],
    ['meta.resourceType', 'meta.resourceType', USER_SCHEMA_URN, 'common', 'resourceType'],
    ['meta.location', 'meta.location', USER_SCHEMA_URN, 'common', 'location'],
    ['meta.version', 'meta.version', USER_SCHEMA_URN, 'common', 'version'],
    [
      `${USER_SCHEMA_URN}:meta.lastModified`,
      'meta.lastModified',
      USER_SCHEMA_URN,
      'common',
      'lastModified',
    ],
    [`${ENT}:manager.value`, `${ENT}:manager.value`, ENT, 'extension', 'value'],
    [`${ENT}:manager`, `${ENT}:manager`, ENT, 'extension', undefined],
    [`${ENT}:department`, `${ENT}:department`, ENT, 'extension', undefined],
    [`${ENT.toUpperCase()}:DEPARTMENT`, `${ENT}:department`, ENT, 'extension', undefined],
    ['department', `${ENT}:department`, ENT, 'extension', undefined],
    ['manager.displayName', `${ENT}:manager.displayName`, ENT, 'extension', 'displayName'],
    [
      'roleName',
      `${ROLLCALL_USER_SCHEMA_URN}:roleName`,
      ROLLCALL_USER_SCHEMA_URN,
      'extension',
      undefined,
    ],
    [
      `${ROLLCALL_USER_SCHEMA_URN}:rolename`,
      `${ROLLCALL_USER_SCHEMA_URN}:roleName`,
      ROLLCALL_USER_SCHEMA_URN,
      'extension',
      undefined,
    ],
  ])('%s resolves to %s', (path, canonical, schemaUrn, scope, sub) => {
    const resolved = resolveAttributePath(USER_RESOURCE_SCHEMAS, path);
    expect(resolved).toMatchObject({ canonical, schemaUrn, scope });
    expect(resolved?.subAttribute?.name).toBe(sub);
  });

  it.each([
    ['unknown attribute', 'nope'],
    ['unknown sub-attribute', 'name.nope'],
    ['sub-attribute of a simple attribute', 'userName.value'],
    ['three levels', 'name.givenName.x'],
    ['empty path', ''],
    ['trailing dot', 'name.'],
    ['leading dot', '.name'],
    ['bare schema URN', USER_SCHEMA_URN],
    ['bare extension URN', ENT],
    ['URN with a trailing colon', `${ENT}:`],
    ['attribute under the wrong schema', `${ENT}:userName`],
    ['core attribute under an extension', `${ROLLCALL_USER_SCHEMA_URN}:department`],
    ['unknown URN', 'urn:example:params:scim:schemas:extension:foo:2.0:User:bar'],
    ['Group attribute on a User', 'members'],
    ['value filter (not a plain path)', 'emails[type eq "work"].value'],
  ])('rejects %s', (_why, path) => {
    expect(resolveAttributePath(USER_RESOURCE_SCHEMAS, path)).toBeUndefined();
  });

  it('returns the definitions themselves', () => {
    const resolved = resolveAttributePath(USER_RESOURCE_SCHEMAS, 'password');
    expect(resolved?.attribute).toMatchObject({ returned: 'never', mutability: 'writeOnly' });
  });
});

describe('resolveAttributePath against the Group resource', () => {
  it.each([
    ['displayName', 'displayName'],
    ['members', 'members'],
    ['members.value', 'members.value'],
    ['MEMBERS.$REF', 'members.$ref'],
    [`${GROUP_SCHEMA_URN}:members.value`, 'members.value'],
    ['externalId', 'externalId'],
  ])('%s resolves to %s', (path, canonical) => {
    expect(resolveAttributePath(GROUP_RESOURCE_SCHEMAS, path)?.canonical).toBe(canonical);
  });

  it.each(['userName', 'roleName', `${USER_SCHEMA_URN}:userName`])('rejects %s', (path) => {
    expect(resolveAttributePath(GROUP_RESOURCE_SCHEMAS, path)).toBeUndefined();
  });
});

describe('unqualified extension attributes', () => {
  const twoExtensions: ScimResourceSchemas = {
    core: USER_RESOURCE_SCHEMAS.core,
    extensions: [
      {
        id: 'urn:example:a',
        name: 'A',
        description: 'A',
        attributes: [attribute({ name: 'shared', description: 'x' })],
      },
      {
        id: 'urn:example:b',
        name: 'B',
        description: 'B',
        attributes: [attribute({ name: 'shared', description: 'x' })],
      },
    ],
  };

  it('are refused when two extensions define the name', () => {
    expect(resolveAttributePath(twoExtensions, 'shared')).toBeUndefined();
  });

  it('still resolve when URN-qualified', () => {
    expect(resolveAttributePath(twoExtensions, 'urn:example:b:shared')?.canonical).toBe(
      'urn:example:b:shared',
    );
  });

  it('lose to a core attribute of the same name', () => {
    const shadowing: ScimResourceSchemas = {
      core: USER_RESOURCE_SCHEMAS.core,
      extensions: [
        {
          id: 'urn:example:a',
          name: 'A',
          description: 'A',
          attributes: [attribute({ name: 'title', description: 'x' })],
        },
      ],
    };
    expect(resolveAttributePath(shadowing, 'title')?.scope).toBe('core');
  });
});

describe('findResourceSchema', () => {
  it.each([
    [ENT, ENT],
    [ENT.toLowerCase(), ENT],
    [USER_SCHEMA_URN, USER_SCHEMA_URN],
    [`${ENT}:department`, undefined],
    ['department', undefined],
  ])('%s → %s', (urn, expected) => {
    expect(findResourceSchema(USER_RESOURCE_SCHEMAS, urn)?.id).toBe(expected);
  });
});
