import { ScimError } from '../errors/scim-error';
import { parseListQuery, type ListQuery } from './list-query';

const LIMITS = { maxCount: 100, defaultCount: 50 };

const DEFAULTS: ListQuery = {
  startIndex: 1,
  count: 50,
  sortOrder: 'ascending',
  attributes: [],
  excludedAttributes: [],
};

function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('parseListQuery', () => {
  it.each<[string, Record<string, unknown>, Partial<ListQuery>]>([
    ['no parameters', {}, {}],
    // Entra's connectivity test and user lookup (recorded).
    [
      'Entra user lookup',
      { filter: 'userName eq "ryan@contoso.com"', startIndex: '1', count: '100' },
      { filter: 'userName eq "ryan@contoso.com"', count: 100 },
    ],
    [
      'Entra group lookup excluding members',
      {
        excludedAttributes: 'members',
        filter: 'displayName eq "Group1DisplayName"',
      },
      { filter: 'displayName eq "Group1DisplayName"', excludedAttributes: ['members'] },
    ],
    ['Entra feature flag is ignored', { aadOptscim062020: '' }, {}],
    ['lower-case parameter names', { startindex: '3', count: '7' }, { startIndex: 3, count: 7 }],
    ['upper-case parameter names', { STARTINDEX: '3', COUNT: '7' }, { startIndex: 3, count: 7 }],
    // RFC 7644 §3.4.2.4
    ['startIndex 0 reads as 1', { startIndex: '0' }, { startIndex: 1 }],
    ['negative startIndex reads as 1', { startIndex: '-5' }, { startIndex: 1 }],
    ['count 0 asks for totals only', { count: '0' }, { count: 0 }],
    ['negative count reads as 0', { count: '-1' }, { count: 0 }],
    ['count above the maximum is clamped', { count: '1000' }, { count: 100 }],
    ['count at the maximum is kept', { count: '100' }, { count: 100 }],
    ['explicit plus sign', { count: '+5' }, { count: 5 }],
    ['surrounding whitespace', { count: ' 5 ' }, { count: 5 }],
    ['blank values count as absent', { filter: '', count: '', startIndex: ' ' }, {}],
    [
      'sorting (RFC 7644 §3.4.2.3)',
      { sortBy: 'userName', sortOrder: 'descending' },
      { sortBy: 'userName', sortOrder: 'descending' },
    ],
    ['sortOrder is case-insensitive', { sortOrder: 'DESCENDING' }, { sortOrder: 'descending' }],
    [
      'comma-separated attributes (RFC 7644 §3.9)',
      { attributes: 'userName, name.givenName,,emails.value ' },
      { attributes: ['userName', 'name.givenName', 'emails.value'] },
    ],
    [
      'repeated query parameters are merged',
      { attributes: ['userName', 'displayName,active'] },
      { attributes: ['userName', 'displayName', 'active'] },
    ],
    ['a repeated scalar with one blank value', { count: ['', '10'] }, { count: 10 }],
    // RFC 7644 §3.4.3: the same request as a POST /.search body.
    [
      'SearchRequest body',
      {
        schemas: ['urn:ietf:params:scim:api:messages:2.0:SearchRequest'],
        attributes: ['displayName', 'userName'],
        excludedAttributes: ['emails'],
        filter: 'displayName sw "smith"',
        startIndex: 1,
        count: 10,
      },
      {
        attributes: ['displayName', 'userName'],
        excludedAttributes: ['emails'],
        filter: 'displayName sw "smith"',
        count: 10,
      },
    ],
    [
      'numbers in a body are clamped too',
      { startIndex: -3, count: 500 },
      { startIndex: 1, count: 100 },
    ],
    ['null values count as absent', { filter: null, count: null }, {}],
  ])('%s', (_name, input, expected) => {
    expect(parseListQuery(input, LIMITS)).toEqual({ ...DEFAULTS, ...expected });
  });

  it('clamps the default count to the maximum', () => {
    expect(parseListQuery({}, { maxCount: 10, defaultCount: 50 }).count).toBe(10);
  });

  it.each<[string, Record<string, unknown>]>([
    ['non-numeric startIndex', { startIndex: 'abc' }],
    ['non-numeric count', { count: 'ten' }],
    ['numeric prefix', { count: '10abc' }],
    ['fractional count string', { count: '1.5' }],
    ['fractional count number', { count: 1.5 }],
    ['NaN', { count: Number.NaN }],
    ['boolean count', { count: true }],
    ['count given twice', { count: ['1', '2'] }],
    ['filter given twice', { filter: ['a eq "1"', 'b eq "2"'] }],
    ['filter that is not a string', { filter: 42 }],
    ['unknown sortOrder', { sortOrder: 'up' }],
    ['attributes that are not strings', { attributes: [1, 2] }],
    ['excludedAttributes as an object', { excludedAttributes: { a: 1 } }],
  ])('refuses %s with invalidValue', (_name, input) => {
    const error = thrownBy(() => parseListQuery(input, LIMITS));
    expect(error).toBeInstanceOf(ScimError);
    expect(error).toMatchObject({ status: 400, scimType: 'invalidValue' });
  });
});
