import fc from 'fast-check';
import { ScimError } from '../errors/scim-error';
import { GROUP_RESOURCE_SCHEMAS, USER_RESOURCE_SCHEMAS } from '../schema/attribute-lookup';
import { applyPatch } from './patch.engine';
import { parsePatchRequest } from './patch-request.parser';
import type { ScimJsonObject } from './patch.types';

const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const CORE = 'urn:ietf:params:scim:schemas:core:2.0:User';
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const ROLLCALL = 'urn:ietf:params:scim:schemas:extension:rollcall:2.0:User';

function aScimUser(overrides: ScimJsonObject = {}): ScimJsonObject {
  return {
    schemas: [CORE],
    id: 'u-1',
    externalId: 'ext-1',
    userName: 'ryan@contoso.com',
    active: true,
    name: { givenName: 'Ryan', familyName: 'Smith' },
    emails: [{ value: 'ryan@contoso.com', type: 'work', primary: true }],
    meta: { resourceType: 'User', created: '2024-01-01T00:00:00Z' },
    ...overrides,
  };
}

function patch(resource: ScimJsonObject, operations: unknown[], schemas = USER_RESOURCE_SCHEMAS) {
  return applyPatch(
    resource,
    parsePatchRequest({ schemas: [PATCH_OP], Operations: operations }),
    schemas,
  );
}

function failure(run: () => unknown): ScimError {
  try {
    run();
  } catch (error) {
    if (error instanceof ScimError) return error;
    throw error;
  }
  throw new Error('expected a ScimError');
}

describe('applyPatch: Entra payloads', () => {
  it('replaces the work email value (Entra "Update User [Multi-valued properties]")', () => {
    const result = patch(aScimUser(), [
      { op: 'Replace', path: 'emails[type eq "work"].value', value: 'updatedEmail@microsoft.com' },
      { op: 'Replace', path: 'name.familyName', value: 'updatedFamilyName' },
    ]);
    expect(result['emails']).toEqual([
      { value: 'updatedEmail@microsoft.com', type: 'work', primary: true },
    ]);
    expect(result['name']).toEqual({ givenName: 'Ryan', familyName: 'updatedFamilyName' });
  });

  it.each(['Add', 'Replace'])('%s with a value-filter path creates the missing entry', (op) => {
    const result = patch(aScimUser({ emails: undefined }), [
      { op, path: 'emails[type eq "work"].value', value: 'a@b.c' },
      { op, path: 'phoneNumbers[type eq "mobile"].value', value: '+1 555 0100' },
      { op, path: 'phoneNumbers[type eq "work"].value', value: '+1 555 0101' },
      { op, path: 'addresses[type eq "work"].streetAddress', value: '1 Main St' },
    ]);
    expect(result['emails']).toEqual([{ type: 'work', value: 'a@b.c' }]);
    expect(result['phoneNumbers']).toEqual([
      { type: 'mobile', value: '+1 555 0100' },
      { type: 'work', value: '+1 555 0101' },
    ]);
    expect(result['addresses']).toEqual([{ type: 'work', streetAddress: '1 Main St' }]);
  });

  it('disables a user with "False" and a capitalised op', () => {
    expect(patch(aScimUser(), [{ op: 'Replace', path: 'active', value: 'False' }])['active']).toBe(
      false,
    );
    expect(patch(aScimUser(), [{ op: 'replace', path: 'ACTIVE', value: 'true' }])['active']).toBe(
      true,
    );
  });

  it('applies the aadOptscim062020 no-path replace', () => {
    const result = patch(aScimUser(), [
      {
        op: 'replace',
        value: {
          active: false,
          'name.givenName': 'X',
          [`${ENTERPRISE}:department`]: 'Y',
        },
      },
    ]);
    expect(result['active']).toBe(false);
    expect(result['name']).toEqual({ givenName: 'X', familyName: 'Smith' });
    expect(result[ENTERPRISE]).toEqual({ department: 'Y' });
    expect(result['schemas']).toEqual([CORE, ENTERPRISE]);
  });

  it('sets the manager from a bare id and from an object, and removes it', () => {
    const path = `${ENTERPRISE}:manager`;
    const withBare = patch(aScimUser(), [{ op: 'Add', path, value: 'm-1' }]);
    expect(withBare[ENTERPRISE]).toEqual({ manager: { value: 'm-1' } });
    const withObject = patch(withBare, [
      { op: 'Replace', path, value: { value: 'm-2', displayName: 'ignored: readOnly' } },
    ]);
    expect(withObject[ENTERPRISE]).toEqual({ manager: { value: 'm-2' } });
    const viaSub = patch(aScimUser(), [{ op: 'add', path: `${path}.value`, value: 'm-3' }]);
    expect(viaSub[ENTERPRISE]).toEqual({ manager: { value: 'm-3' } });
    const removed = patch(withObject, [{ op: 'Remove', path }]);
    expect(removed[ENTERPRISE]).toBeUndefined();
    expect(removed['schemas']).toEqual([CORE]);
  });

  it('accepts URN keys holding objects, and the custom roleName bare or qualified', () => {
    const result = patch(aScimUser(), [
      {
        op: 'add',
        value: {
          [ENTERPRISE]: { employeeNumber: '42', Department: 'Ops' },
          roleName: 'admin',
          unknownThing: 'ignored',
        },
      },
      { op: 'Add', path: `${ROLLCALL}:roleName`, value: 'team_lead' },
      { op: 'Replace', path: 'urn:ietf:params:scim:schemas:core:2.0:User:displayName', value: 'R' },
    ]);
    expect(result[ENTERPRISE]).toEqual({ employeeNumber: '42', department: 'Ops' });
    expect(result[ROLLCALL]).toEqual({ roleName: 'team_lead' });
    expect(result['displayName']).toBe('R');
    expect(result['unknownThing']).toBeUndefined();
  });

  it('adds an extension object through its URN path', () => {
    const result = patch(aScimUser(), [
      { op: 'add', path: ENTERPRISE, value: { costCenter: 'C1' } },
    ]);
    expect(result[ENTERPRISE]).toEqual({ costCenter: 'C1' });
  });

  it('clears attributes with "" or null (Microsoft validator)', () => {
    const result = patch(
      aScimUser({ displayName: 'Ryan', title: 'Eng', [ENTERPRISE]: { department: 'Ops' } }),
      [
        { op: 'Replace', path: 'displayName', value: '' },
        { op: 'Add', path: 'title', value: null },
        { op: 'Replace', path: 'name.givenName', value: '' },
        { op: 'Replace', path: 'emails[type eq "work"].value', value: '' },
        { op: 'replace', value: { [`${ENTERPRISE}:department`]: null } },
      ],
    );
    expect(result).not.toHaveProperty('displayName');
    expect(result).not.toHaveProperty('title');
    expect(result['name']).toEqual({ familyName: 'Smith' });
    expect(result).not.toHaveProperty('emails');
    expect(result).not.toHaveProperty(ENTERPRISE);
  });

  it('writes attribute names with the schema spelling', () => {
    const result = patch(aScimUser(), [
      { op: 'replace', path: 'USERNAME', value: 'new@contoso.com' },
      { op: 'replace', path: 'Name.GivenName', value: 'G' },
      { op: 'add', value: { DisplayName: 'D', 'NAME.familyname': 'F' } },
    ]);
    expect(result['userName']).toBe('new@contoso.com');
    expect(result['name']).toEqual({ givenName: 'G', familyName: 'F' });
    expect(result['displayName']).toBe('D');
    expect(Object.keys(result).filter((k) => k.toLowerCase() === 'username')).toEqual(['userName']);
  });

  it('does not mutate its input', () => {
    const input = aScimUser();
    const snapshot = structuredClone(input);
    patch(input, [
      { op: 'replace', path: 'emails[type eq "work"].value', value: 'x@y.z' },
      { op: 'remove', path: 'name.givenName' },
    ]);
    expect(input).toEqual(snapshot);
  });
});

describe('applyPatch: RFC 7644 §3.5.2 semantics', () => {
  it('appends to multi-valued attributes without duplicating (§3.5.2.1)', () => {
    const result = patch(aScimUser(), [
      {
        op: 'add',
        path: 'emails',
        value: [
          { value: 'RYAN@contoso.com', type: 'work' },
          { value: 'home@x.org', type: 'home', primary: 'True' },
        ],
      },
    ]);
    expect(result['emails']).toEqual([
      { value: 'RYAN@contoso.com', type: 'work', primary: false },
      { value: 'home@x.org', type: 'home', primary: true },
    ]);
  });

  it('keeps a single primary when an entry is made primary', () => {
    const user = aScimUser({
      emails: [
        { value: 'a@x', type: 'work', primary: true },
        { value: 'b@x', type: 'home' },
      ],
    });
    const result = patch(user, [
      { op: 'replace', path: 'emails[type eq "home"].primary', value: true },
    ]);
    expect(result['emails']).toEqual([
      { value: 'a@x', type: 'work', primary: false },
      { value: 'b@x', type: 'home', primary: true },
    ]);
  });

  it('replaces a whole multi-valued attribute', () => {
    const result = patch(aScimUser(), [
      { op: 'replace', path: 'emails', value: [{ value: 'n@x', type: 'other' }] },
    ]);
    expect(result['emails']).toEqual([{ value: 'n@x', type: 'other' }]);
  });

  it('removes matching values, sub-attributes, or everything (§3.5.2.2)', () => {
    const user = aScimUser({
      emails: [
        { value: 'a@x', type: 'work' },
        { value: 'b@x', type: 'home', display: 'B' },
      ],
    });
    expect(patch(user, [{ op: 'remove', path: 'emails[type eq "work"]' }])['emails']).toEqual([
      { value: 'b@x', type: 'home', display: 'B' },
    ]);
    expect(
      patch(user, [{ op: 'remove', path: 'emails[type eq "home"].display' }])['emails'],
    ).toEqual([
      { value: 'a@x', type: 'work' },
      { value: 'b@x', type: 'home' },
    ]);
    expect(patch(user, [{ op: 'remove', path: 'emails[type eq "work"].value' }])['emails']).toEqual(
      [{ value: 'b@x', type: 'home', display: 'B' }],
    );
    expect(patch(user, [{ op: 'remove', path: 'emails' }])).not.toHaveProperty('emails');
    expect(patch(user, [{ op: 'remove', path: 'emails[type eq "nope"]' }])['emails']).toEqual(
      user['emails'],
    );
    expect(patch(user, [{ op: 'remove', path: 'nickName' }])).toEqual(user);
    expect(patch(user, [{ op: 'remove', path: `${ENTERPRISE}:manager` }])).toEqual(user);
  });

  it('merges complex values on add and replace (§3.5.2.3)', () => {
    const result = patch(aScimUser(), [
      { op: 'replace', path: 'name', value: { givenName: 'B', middleName: 'J' } },
    ]);
    expect(result['name']).toEqual({ givenName: 'B', familyName: 'Smith', middleName: 'J' });
  });

  it('applies operations in order', () => {
    const result = patch(aScimUser(), [
      { op: 'replace', path: 'displayName', value: 'one' },
      { op: 'remove', path: 'displayName' },
      { op: 'add', path: 'displayName', value: 'two' },
    ]);
    expect(result['displayName']).toBe('two');
  });

  it('needs a derivable value when a replace filter matches nothing', () => {
    expect(
      failure(() =>
        patch(aScimUser(), [{ op: 'replace', path: 'emails[value co "x"].type', value: 'home' }]),
      ).scimType,
    ).toBe('noTarget');
  });

  it.each<[string, unknown[], string]>([
    ['readOnly id', [{ op: 'replace', path: 'id', value: 'x' }], 'mutability'],
    [
      'readOnly meta',
      [{ op: 'replace', path: 'meta.created', value: '2024-01-01T00:00:00Z' }],
      'mutability',
    ],
    ['readOnly groups', [{ op: 'add', path: 'groups', value: [{ value: 'g' }] }], 'mutability'],
    ['required userName removed', [{ op: 'remove', path: 'userName' }], 'mutability'],
    ['required userName cleared', [{ op: 'replace', path: 'userName', value: '' }], 'mutability'],
    ['boolean from "yes"', [{ op: 'replace', path: 'active', value: 'yes' }], 'invalidValue'],
    ['string from a number', [{ op: 'replace', path: 'userName', value: 5 }], 'invalidValue'],
    [
      'string from an object',
      [{ op: 'replace', value: { displayName: { a: 1 } } }],
      'invalidValue',
    ],
    ['unknown path', [{ op: 'replace', path: 'favouriteColour', value: 'red' }], 'invalidPath'],
    ['unknown sub-attribute', [{ op: 'replace', path: 'name.nope', value: 'x' }], 'invalidPath'],
    [
      'filter on a single-valued attribute',
      [{ op: 'replace', path: 'name[givenName eq "a"]', value: {} }],
      'invalidPath',
    ],
    [
      'filter names an unknown sub-attribute',
      [{ op: 'remove', path: 'emails[nope eq "a"]' }],
      'invalidPath',
    ],
  ])('rejects %s', (_name, operations, scimType) => {
    expect(failure(() => patch(aScimUser(), operations)).scimType).toBe(scimType);
  });

  it('ignores readOnly attributes echoed in a no-path value', () => {
    const user = aScimUser();
    const result = patch(user, [
      {
        op: 'replace',
        value: { id: 'other', meta: { created: 'x' }, schemas: [], displayName: 'D' },
      },
    ]);
    expect(result).toEqual({ ...user, displayName: 'D' });
  });

  it('names the failing operation and applies nothing when one fails', () => {
    const error = failure(() =>
      patch(aScimUser(), [
        { op: 'replace', path: 'displayName', value: 'ok' },
        { op: 'replace', path: 'active', value: 'maybe' },
      ]),
    );
    expect(error.message).toMatch(/^Operations\[1\] \(replace "active"\)/);
  });

  it('only writes an immutable sub-attribute while it is unset', () => {
    const group = {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
      displayName: 'G',
      members: [{ value: 'a' }],
    };
    const err = failure(() =>
      patch(
        group,
        [{ op: 'replace', path: 'members[value eq "a"].value', value: 'b' }],
        GROUP_RESOURCE_SCHEMAS,
      ),
    );
    expect(err.scimType).toBe('mutability');
    const added = patch(
      group,
      [{ op: 'add', path: 'members', value: [{ value: 'b', $ref: null }, { value: 'a' }] }],
      GROUP_RESOURCE_SCHEMAS,
    );
    expect(added['members']).toEqual([{ value: 'a' }, { value: 'b' }]);
  });
});

describe('applyPatch properties', () => {
  const paths = fc.constantFrom(
    'userName',
    'active',
    'displayName',
    'name',
    'name.givenName',
    'emails',
    'emails.value',
    'emails[type eq "work"]',
    'emails[type eq "work"].value',
    'emails[value co "a"].primary',
    'phoneNumbers[type eq "mobile"].value',
    'addresses[type eq "work"].streetAddress',
    `${ENTERPRISE}:manager`,
    `${ENTERPRISE}:manager.value`,
    ENTERPRISE,
    'roleName',
    'id',
    'meta',
    'groups',
    'x509Certificates',
    'nope',
    'name.nope',
    'emails[nope eq 1]',
  );
  const json = fc.jsonValue({ maxDepth: 2 });
  const values = fc.oneof(
    json,
    fc.constantFrom('True', 'false', '', null, 'a@b.c', {
      value: 'x',
      type: 'work',
      primary: true,
    }),
    fc.array(
      fc.record(
        { value: fc.string(), type: fc.constantFrom('work', 'home'), primary: fc.boolean() },
        { requiredKeys: [] },
      ),
    ),
  );
  const operation = fc.record(
    {
      op: fc.constantFrom('add', 'Add', 'replace', 'Replace', 'remove', 'Remove'),
      path: paths,
      value: values,
    },
    { requiredKeys: ['op'] },
  );

  it('random operation sequences throw nothing but ScimError and never mutate the input', () => {
    fc.assert(
      fc.property(fc.array(operation, { minLength: 1, maxLength: 6 }), (operations) => {
        const user = aScimUser();
        const snapshot = structuredClone(user);
        try {
          const result = patch(user, operations);
          expect(typeof result['userName']).toBe('string');
        } catch (error) {
          expect(error).toBeInstanceOf(ScimError);
        }
        expect(user).toEqual(snapshot);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('writeOnly attributes (RFC 7643 §7: password is writeOnly, returned never)', () => {
  it.each<[string, unknown]>([
    ['path "password"', { op: 'Replace', path: 'password', value: 'Hunter2!' }],
    ['any-case path', { op: 'add', path: 'PassWord', value: 'Hunter2!' }],
    ['URN-qualified path', { op: 'replace', path: `${CORE}:password`, value: 'Hunter2!' }],
    ['no-path value object', { op: 'replace', value: { password: 'Hunter2!', title: 'CTO' } }],
    ['no-path URN-qualified key', { op: 'add', value: { [`${CORE}:Password`]: 'Hunter2!' } }],
    ['no-path core schema object', { op: 'add', value: { [CORE]: { password: 'Hunter2!' } } }],
  ])('accepts %s and stores nothing', (_shape, operation) => {
    const result = patch(aScimUser(), [operation]);
    expect(JSON.stringify(result)).not.toContain('Hunter2!');
    expect(Object.keys(result).map((key) => key.toLowerCase())).not.toContain('password');
  });

  it('drops a password a document already held when it next changes', () => {
    const result = patch(aScimUser({ password: 'Hunter2!' }), [
      { op: 'replace', path: 'title', value: 'CTO' },
    ]);
    expect(result).not.toHaveProperty('password');
    expect(result['title']).toBe('CTO');
  });
});
