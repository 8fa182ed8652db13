import type { ScimAttributeDefinition } from './schema.types';
import { USER_SCHEMA_URN } from './scim-urns';
import { USER_SCHEMA } from './user.schema';

function find(path: string): ScimAttributeDefinition | undefined {
  const [name, sub] = path.split('.');
  const attribute = USER_SCHEMA.attributes.find((a) => a.name === name);
  return sub === undefined ? attribute : attribute?.subAttributes?.find((a) => a.name === sub);
}

describe('USER_SCHEMA (RFC 7643 §4.1, §8.7.1)', () => {
  it('is the core User schema', () => {
    expect(USER_SCHEMA.id).toBe(USER_SCHEMA_URN);
    expect(USER_SCHEMA.name).toBe('User');
  });

  it('lists the RFC attributes in the RFC order, without common attributes', () => {
    expect(USER_SCHEMA.attributes.map((a) => a.name)).toEqual([
      'userName',
      'name',
      'displayName',
      'nickName',
      'profileUrl',
      'title',
      'userType',
      'preferredLanguage',
      'locale',
      'timezone',
      'active',
      'password',
      'emails',
      'phoneNumbers',
      'ims',
      'photos',
      'addresses',
      'groups',
      'entitlements',
      'roles',
      'x509Certificates',
    ]);
  });

  it.each<[string, Partial<ScimAttributeDefinition>]>([
    [
      'userName',
      {
        type: 'string',
        required: true,
        caseExact: false,
        uniqueness: 'server',
        returned: 'default',
      },
    ],
    ['name', { type: 'complex', multiValued: false }],
    ['name.givenName', { type: 'string', caseExact: false, mutability: 'readWrite' }],
    ['profileUrl', { type: 'reference', referenceTypes: ['external'] }],
    ['active', { type: 'boolean', multiValued: false }],
    ['password', { mutability: 'writeOnly', returned: 'never', caseExact: false }],
    ['emails', { type: 'complex', multiValued: true }],
    ['emails.value', { type: 'string', caseExact: false }],
    ['emails.type', { canonicalValues: ['work', 'home', 'other'] }],
    ['emails.primary', { type: 'boolean' }],
    ['phoneNumbers.type', { canonicalValues: ['work', 'home', 'mobile', 'fax', 'pager', 'other'] }],
    [
      'ims.type',
      { canonicalValues: ['aim', 'gtalk', 'icq', 'xmpp', 'msn', 'skype', 'qq', 'yahoo'] },
    ],
    ['photos.value', { type: 'reference', referenceTypes: ['external'] }],
    ['photos.type', { canonicalValues: ['photo', 'thumbnail'] }],
    ['addresses.type', { canonicalValues: ['work', 'home', 'other'] }],
    ['addresses.primary', { type: 'boolean' }],
    ['groups', { multiValued: true, mutability: 'readOnly' }],
    ['groups.value', { mutability: 'readOnly' }],
    [
      'groups.$ref',
      { type: 'reference', referenceTypes: ['User', 'Group'], mutability: 'readOnly' },
    ],
    ['groups.type', { canonicalValues: ['direct', 'indirect'], mutability: 'readOnly' }],
    ['roles', { type: 'complex', multiValued: true }],
    ['x509Certificates.value', { type: 'binary' }],
  ])('%s has the RFC characteristics', (path, expected) => {
    expect(find(path)).toMatchObject(expected);
  });

  it.each([
    [
      'name',
      ['formatted', 'familyName', 'givenName', 'middleName', 'honorificPrefix', 'honorificSuffix'],
    ],
    ['emails', ['value', 'display', 'type', 'primary']],
    ['phoneNumbers', ['value', 'display', 'type', 'primary']],
    ['ims', ['value', 'display', 'type', 'primary']],
    ['photos', ['value', 'display', 'type', 'primary']],
    [
      'addresses',
      [
        'formatted',
        'streetAddress',
        'locality',
        'region',
        'postalCode',
        'country',
        'type',
        'primary',
      ],
    ],
    ['groups', ['value', '$ref', 'display', 'type']],
    ['entitlements', ['value', 'display', 'type', 'primary']],
    ['roles', ['value', 'display', 'type', 'primary']],
    ['x509Certificates', ['value', 'display', 'type', 'primary']],
  ])('%s has sub-attributes %j', (name, subs) => {
    expect(find(name)?.subAttributes?.map((a) => a.name)).toEqual(subs);
  });

  it('returns nothing that is not "default" except password', () => {
    const unusual = USER_SCHEMA.attributes.filter((a) => a.returned !== 'default');
    expect(unusual.map((a) => a.name)).toEqual(['password']);
  });
});
