import { GROUP_RESOURCE_SCHEMAS, USER_RESOURCE_SCHEMAS } from '../schema/attribute-lookup';
import { attribute } from '../schema/attribute.factory';
import type { ScimResourceSchemas } from '../schema/attribute-lookup';
import {
  ENTERPRISE_USER_SCHEMA_URN,
  GROUP_SCHEMA_URN,
  ROLLCALL_USER_SCHEMA_URN,
  USER_SCHEMA_URN,
} from '../schema/scim-urns';
import type { ProjectionOptions } from './attribute-selection';
import { projectResource, requestsAttribute } from './projection';

const ENT = ENTERPRISE_USER_SCHEMA_URN;
const ROLLCALL = ROLLCALL_USER_SCHEMA_URN;
const ID = '2819c223-7f76-453a-919d-413861904646';

const META = {
  resourceType: 'User',
  created: '2010-01-23T04:56:22Z',
  lastModified: '2011-05-13T04:42:34Z',
  version: 'W/"3694e05e9dff591"',
  location: `https://example.com/v2/Users/${ID}`,
};

// RFC 7643 §8.3 (enterprise user), trimmed, with a password and our extension added.
function aScimUser(): Record<string, unknown> {
  return {
    schemas: [USER_SCHEMA_URN, ENT, ROLLCALL],
    id: ID,
    externalId: '701984',
    userName: 'bjensen@example.com',
    name: {
      formatted: 'Ms. Barbara J Jensen, III',
      familyName: 'Jensen',
      givenName: 'Barbara',
      middleName: 'Jane',
    },
    displayName: 'Babs Jensen',
    password: 't1meMa$heen',
    active: true,
    emails: [
      { value: 'bjensen@example.com', type: 'work', primary: true },
      { value: 'babs@jensen.org', type: 'home' },
    ],
    [ENT]: {
      employeeNumber: '701984',
      department: 'Tour Operations',
      manager: { value: '26118915-6090-4610-87e4-49d8ca9f808d', displayName: 'John Smith' },
    },
    [ROLLCALL]: { roleName: 'responder' },
    meta: META,
  };
}

function project(opts: Partial<ProjectionOptions>): Record<string, unknown> {
  return projectResource(aScimUser(), USER_RESOURCE_SCHEMAS, {
    attributes: [],
    excludedAttributes: [],
    ...opts,
  });
}

function without(key: string): Record<string, unknown> {
  const user = aScimUser();
  delete user[key];
  return user;
}

describe('projectResource on a User', () => {
  it('returns every default attribute and never the password (RFC 7643 §7)', () => {
    expect(project({})).toEqual(without('password'));
  });

  it('answers ?attributes=userName as RFC 7644 §3.9 shows: schemas, id, userName', () => {
    expect(project({ attributes: ['userName'] })).toEqual({
      schemas: [USER_SCHEMA_URN, ENT, ROLLCALL],
      id: ID,
      userName: 'bjensen@example.com',
    });
  });

  it.each<[string, string[], Record<string, unknown>]>([
    ['case-insensitive name', ['USERNAME'], { userName: 'bjensen@example.com' }],
    ['a sub-attribute', ['name.familyName'], { name: { familyName: 'Jensen' } }],
    [
      'two sub-attributes of one attribute',
      ['name.familyName', 'name.givenName'],
      { name: { familyName: 'Jensen', givenName: 'Barbara' } },
    ],
    [
      'a sub-attribute of a multi-valued attribute',
      ['emails.value'],
      { emails: [{ value: 'bjensen@example.com' }, { value: 'babs@jensen.org' }] },
    ],
    [
      'a whole multi-valued attribute',
      ['emails'],
      {
        emails: [
          { value: 'bjensen@example.com', type: 'work', primary: true },
          { value: 'babs@jensen.org', type: 'home' },
        ],
      },
    ],
    [
      'a whole attribute and one of its sub-attributes',
      ['name', 'name.givenName'],
      {
        name: {
          formatted: 'Ms. Barbara J Jensen, III',
          familyName: 'Jensen',
          givenName: 'Barbara',
          middleName: 'Jane',
        },
      },
    ],
    [
      'a URN-qualified core attribute',
      [`${USER_SCHEMA_URN}:displayName`],
      { displayName: 'Babs Jensen' },
    ],
    [
      'a URN-qualified extension sub-attribute',
      [`${ENT}:manager.value`],
      { [ENT]: { manager: { value: '26118915-6090-4610-87e4-49d8ca9f808d' } } },
    ],
    [
      'an unqualified extension attribute',
      ['department'],
      { [ENT]: { department: 'Tour Operations' } },
    ],
    ['our extension', ['roleName'], { [ROLLCALL]: { roleName: 'responder' } }],
    [
      'a whole extension by its URN',
      [ENT.toLowerCase()],
      {
        [ENT]: {
          employeeNumber: '701984',
          department: 'Tour Operations',
          manager: { value: '26118915-6090-4610-87e4-49d8ca9f808d', displayName: 'John Smith' },
        },
      },
    ],
    [
      'meta, which is otherwise left out',
      ['meta.lastModified'],
      { meta: { lastModified: META.lastModified } },
    ],
    ['the password, which stays out', ['password'], {}],
    ['id, which is there anyway', ['id'], {}],
    ['an attribute the resource lacks', ['nickName'], {}],
    ['a known name with unknown ones', ['active', 'nope', 'urn:x:y'], { active: true }],
  ])('with attributes naming %s', (_name, attributes, expected) => {
    expect(project({ attributes })).toEqual({
      schemas: [USER_SCHEMA_URN, ENT, ROLLCALL],
      id: ID,
      ...expected,
    });
  });

  it('treats attributes naming nothing we know as no attributes parameter', () => {
    expect(project({ attributes: ['nope', 'name.nope'] })).toEqual(without('password'));
  });

  it.each<[string, string[], (user: Record<string, unknown>) => void]>([
    ['an attribute', ['emails'], (u) => delete u['emails']],
    [
      'several, case-insensitively',
      ['EMAILS', 'Meta'],
      (u) => {
        delete u['emails'];
        delete u['meta'];
      },
    ],
    [
      'a sub-attribute',
      ['name.middleName'],
      (u) => {
        u['name'] = {
          formatted: 'Ms. Barbara J Jensen, III',
          familyName: 'Jensen',
          givenName: 'Barbara',
        };
      },
    ],
    [
      'a sub-attribute of a multi-valued attribute',
      ['emails.type', 'emails.primary'],
      (u) => {
        u['emails'] = [{ value: 'bjensen@example.com' }, { value: 'babs@jensen.org' }];
      },
    ],
    [
      'an extension attribute by URN',
      [`${ENT}:manager`],
      (u) => {
        u[ENT] = { employeeNumber: '701984', department: 'Tour Operations' };
      },
    ],
    [
      'an extension sub-attribute, unqualified',
      ['manager.displayName'],
      (u) => {
        u[ENT] = {
          employeeNumber: '701984',
          department: 'Tour Operations',
          manager: { value: '26118915-6090-4610-87e4-49d8ca9f808d' },
        };
      },
    ],
    ['a whole extension by its URN', [ENT], (u) => delete u[ENT]],
    ['the only attribute of an extension', ['roleName'], (u) => delete u[ROLLCALL]],
    ['id, which is always returned', ['id'], () => undefined],
    ['unknown names', ['nope', 'name.nope', 'urn:x:y:z'], () => undefined],
  ])('with excludedAttributes naming %s', (_name, excludedAttributes, edit) => {
    const expected = without('password');
    edit(expected);
    expect(project({ excludedAttributes })).toEqual(expected);
  });

  it('applies excludedAttributes after attributes', () => {
    expect(
      project({ attributes: ['name', 'emails'], excludedAttributes: ['name.formatted', 'emails'] }),
    ).toEqual({
      schemas: [USER_SCHEMA_URN, ENT, ROLLCALL],
      id: ID,
      name: { familyName: 'Jensen', givenName: 'Barbara', middleName: 'Jane' },
    });
  });

  it('matches resource keys case-insensitively and keeps their spelling', () => {
    const out = projectResource(
      { schemas: [USER_SCHEMA_URN], id: ID, USERNAME: 'b', Emails: [{ Value: 'b@x' }] },
      USER_RESOURCE_SCHEMAS,
      { attributes: ['userName', 'emails.value'], excludedAttributes: [] },
    );
    expect(out).toEqual({
      schemas: [USER_SCHEMA_URN],
      id: ID,
      USERNAME: 'b',
      Emails: [{ Value: 'b@x' }],
    });
  });

  it('does not modify its input', () => {
    const user = aScimUser();
    projectResource(user, USER_RESOURCE_SCHEMAS, {
      attributes: ['name.givenName'],
      excludedAttributes: [],
    });
    expect(user).toEqual(aScimUser());
  });
});

describe('projectResource on a Group', () => {
  const group = {
    schemas: [GROUP_SCHEMA_URN],
    id: 'e9e30dba-f08f-4109-8486-d5c6a331660a',
    displayName: 'Tour Guides',
    members: [{ value: ID, $ref: `https://example.com/v2/Users/${ID}`, display: 'Babs Jensen' }],
    meta: { resourceType: 'Group', location: 'https://example.com/v2/Groups/e9e30dba' },
  };

  it('leaves members out when Entra excludes them', () => {
    const { members: _members, ...rest } = group;
    expect(
      projectResource(group, GROUP_RESOURCE_SCHEMAS, {
        attributes: [],
        excludedAttributes: ['members'],
      }),
    ).toEqual(rest);
  });

  it('returns member ids only when asked for members.value', () => {
    expect(
      projectResource(group, GROUP_RESOURCE_SCHEMAS, {
        attributes: ['members.value'],
        excludedAttributes: [],
      }),
    ).toEqual({ schemas: [GROUP_SCHEMA_URN], id: group.id, members: [{ value: ID }] });
  });
});

describe('returned characteristics beyond the standard schemas', () => {
  const schemas: ScimResourceSchemas = {
    core: {
      id: 'urn:example:Thing',
      name: 'Thing',
      description: 'Thing',
      attributes: [
        attribute({ name: 'label', description: 'x', returned: 'always' }),
        attribute({ name: 'secretHint', description: 'x', returned: 'request' }),
        attribute({
          name: 'detail',
          type: 'complex',
          description: 'x',
          subAttributes: [
            attribute({ name: 'kind', description: 'x', returned: 'always' }),
            attribute({ name: 'note', description: 'x' }),
            attribute({ name: 'extra', description: 'x', returned: 'request' }),
          ],
        }),
      ],
    },
    extensions: [],
  };
  const thing = {
    schemas: ['urn:example:Thing'],
    id: '1',
    label: 'L',
    secretHint: 'S',
    detail: { kind: 'K', note: 'N', extra: 'E' },
  };

  it.each<[string, Partial<ProjectionOptions>, Record<string, unknown>]>([
    [
      'by default: request attributes are left out',
      {},
      { schemas: thing.schemas, id: '1', label: 'L', detail: { kind: 'K', note: 'N' } },
    ],
    [
      'request attributes when named',
      { attributes: ['secretHint', 'detail.extra'] },
      {
        schemas: thing.schemas,
        id: '1',
        label: 'L',
        secretHint: 'S',
        detail: { kind: 'K', extra: 'E' },
      },
    ],
    [
      'always attributes survive exclusion',
      { excludedAttributes: ['label', 'detail.kind', 'detail.note'] },
      { schemas: thing.schemas, id: '1', label: 'L', detail: { kind: 'K' } },
    ],
  ])('%s', (_name, opts, expected) => {
    expect(
      projectResource(thing, schemas, { attributes: [], excludedAttributes: [], ...opts }),
    ).toEqual(expected);
  });
});

describe('requestsAttribute', () => {
  it.each<[Partial<ProjectionOptions>, string, boolean]>([
    [{}, 'members', true],
    [{ excludedAttributes: ['members'] }, 'members', false],
    [{ excludedAttributes: ['MEMBERS'] }, 'members', false],
    [{ excludedAttributes: [`${GROUP_SCHEMA_URN}:members`] }, 'members', false],
    [{ excludedAttributes: ['members.display'] }, 'members', true],
    [{ excludedAttributes: ['members.display'] }, 'members.display', false],
    [{ excludedAttributes: ['displayName'] }, 'members', true],
    [{ attributes: ['displayName'] }, 'members', false],
    [{ attributes: ['members'] }, 'members', true],
    [{ attributes: ['members.value'] }, 'members', true],
    [{ attributes: ['members.value'] }, 'members.display', false],
    [{ attributes: ['nope'] }, 'members', true],
    [{ attributes: ['userName'] }, 'id', true],
    [{ excludedAttributes: ['id'] }, 'id', true],
    [{}, 'password', false],
    [{ attributes: ['password'] }, 'password', false],
    [{}, 'emails', true],
    [{ excludedAttributes: [ENT] }, `${ENT}:manager`, false],
    [{ attributes: ['department'] }, `${ENT}:department`, true],
    [{}, 'nope', false],
  ])('%j, %s → %s', (opts, path, expected) => {
    expect(requestsAttribute({ attributes: [], excludedAttributes: [], ...opts }, path)).toBe(
      expected,
    );
  });

  it('resolves against given schemas', () => {
    const opts = { attributes: [], excludedAttributes: ['members'] };
    expect(requestsAttribute(opts, 'members', GROUP_RESOURCE_SCHEMAS)).toBe(false);
    expect(requestsAttribute(opts, 'members', USER_RESOURCE_SCHEMAS)).toBe(false);
    expect(
      requestsAttribute(
        { attributes: [], excludedAttributes: [] },
        'members',
        USER_RESOURCE_SCHEMAS,
      ),
    ).toBe(false);
  });
});
