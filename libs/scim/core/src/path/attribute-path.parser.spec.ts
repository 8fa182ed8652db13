import { ScimError } from '../errors/scim-error';
import { parseAttributePath, parsePatchPath } from './attribute-path.parser';
import { printAttributePath } from './attribute-path.scanner';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

describe('parseAttributePath', () => {
  it.each([
    ['userName', { attribute: 'userName' }],
    ['name.givenName', { attribute: 'name', subAttribute: 'givenName' }],
    ['members.$ref', { attribute: 'members', subAttribute: '$ref' }],
    [`${ENTERPRISE}:manager`, { schema: ENTERPRISE, attribute: 'manager' }],
    [
      `${ENTERPRISE}:manager.value`,
      { schema: ENTERPRISE, attribute: 'manager', subAttribute: 'value' },
    ],
    [
      'urn:ietf:params:scim:schemas:core:2.0:User:name.familyName',
      {
        schema: 'urn:ietf:params:scim:schemas:core:2.0:User',
        attribute: 'name',
        subAttribute: 'familyName',
      },
    ],
    ['  active ', { attribute: 'active' }],
  ])('%s', (text, expected) => {
    expect(parseAttributePath(text)).toEqual(expected);
  });

  it.each([
    '',
    ' ',
    'a.b.c',
    '1abc',
    'name.',
    '.name',
    'urn:',
    ':name',
    'a b',
    'emails[type eq "x"]',
  ])('rejects %j with invalidPath', (text) => {
    expect(() => parseAttributePath(text)).toThrow(
      expect.objectContaining({ scimType: 'invalidPath' }),
    );
  });

  it('prints back what it parsed', () => {
    const text = `${ENTERPRISE}:manager.value`;
    expect(printAttributePath(parseAttributePath(text))).toBe(text);
  });
});

describe('parsePatchPath', () => {
  it('parses an Entra value-filter path with a sub-attribute', () => {
    expect(parsePatchPath('emails[type eq "work"].value')).toEqual({
      attribute: 'emails',
      subAttribute: 'value',
      valueFilter: {
        kind: 'compare',
        path: { attribute: 'type' },
        op: 'eq',
        value: 'work',
      },
    });
  });

  it('parses members[value eq "id"] (RFC 7644 §3.5.2.2 example)', () => {
    expect(parsePatchPath('members[value eq "2819c223-7f76-453a-919d-413861904646"]')).toEqual({
      attribute: 'members',
      valueFilter: {
        kind: 'compare',
        path: { attribute: 'value' },
        op: 'eq',
        value: '2819c223-7f76-453a-919d-413861904646',
      },
    });
  });

  it('parses a compound filter and keeps "]" inside strings', () => {
    const path = parsePatchPath('addresses[type eq "wo]rk" and primary eq true].streetAddress');
    expect(path.attribute).toBe('addresses');
    expect(path.subAttribute).toBe('streetAddress');
    expect(path.valueFilter?.kind).toBe('and');
  });

  it('parses plain attribute paths', () => {
    expect(parsePatchPath(`${ENTERPRISE}:department`)).toEqual({
      schema: ENTERPRISE,
      attribute: 'department',
    });
  });

  it.each([
    'emails[type eq "work"',
    'emails[type eq "work"]value',
    'emails[type eq]',
    'emails[]',
    'emails.value[type eq "work"]',
    'emails[type eq "work"].value.x',
    'emails[addresses[type eq "x"]]',
    '[type eq "work"]',
  ])('rejects %j with invalidPath', (text) => {
    let caught: unknown;
    try {
      parsePatchPath(text);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ScimError);
    expect(caught).toMatchObject({ scimType: 'invalidPath' });
  });
});
