import fc from 'fast-check';
import { ScimError } from '../errors/scim-error';
import type { AttributePath } from '../path/attribute-path.types';
import { MAX_FILTER_DEPTH, MAX_FILTER_LENGTH, parseFilter } from './filter.parser';
import { printFilter } from './filter.printer';
import { COMPARE_OPERATORS, type FilterNode } from './filter.types';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const p = (attribute: string, subAttribute?: string, schema?: string): AttributePath => ({
  ...(schema ? { schema } : {}),
  attribute,
  ...(subAttribute ? { subAttribute } : {}),
});

function expectInvalidFilter(run: () => unknown, detail?: RegExp): void {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(ScimError);
  expect(caught).toMatchObject({ scimType: 'invalidFilter', status: 400 });
  if (detail) expect((caught as ScimError).message).toMatch(detail);
}

describe('parseFilter', () => {
  // RFC 7644 §3.4.2.2 examples, plus what Entra sends.
  it.each<[string, FilterNode]>([
    ['userName Eq "john"', { kind: 'compare', path: p('userName'), op: 'eq', value: 'john' }],
    [
      'userName eq "ryan@contoso.com"',
      { kind: 'compare', path: p('userName'), op: 'eq', value: 'ryan@contoso.com' },
    ],
    [
      'externalId eq "9b9a1e36-3a5e-4d4d-a0a2-0a0d84e5cd3c"',
      {
        kind: 'compare',
        path: p('externalId'),
        op: 'eq',
        value: '9b9a1e36-3a5e-4d4d-a0a2-0a0d84e5cd3c',
      },
    ],
    [
      'displayName eq "Group \\"A\\" \\u00e9"',
      { kind: 'compare', path: p('displayName'), op: 'eq', value: 'Group "A" é' },
    ],
    [
      'name.familyName co "O\'Malley"',
      { kind: 'compare', path: p('name', 'familyName'), op: 'co', value: "O'Malley" },
    ],
    ['userName sw "J"', { kind: 'compare', path: p('userName'), op: 'sw', value: 'J' }],
    [
      'urn:ietf:params:scim:schemas:core:2.0:User:userName sw "J"',
      {
        kind: 'compare',
        path: p('userName', undefined, 'urn:ietf:params:scim:schemas:core:2.0:User'),
        op: 'sw',
        value: 'J',
      },
    ],
    ['title pr', { kind: 'present', path: p('title') }],
    [
      'meta.lastModified gt "2011-05-13T04:42:34Z"',
      { kind: 'compare', path: p('meta', 'lastModified'), op: 'gt', value: '2011-05-13T04:42:34Z' },
    ],
    ['x ge 1.5e3', { kind: 'compare', path: p('x'), op: 'ge', value: 1500 }],
    ['x lt -2', { kind: 'compare', path: p('x'), op: 'lt', value: -2 }],
    ['active eq TRUE', { kind: 'compare', path: p('active'), op: 'eq', value: true }],
    ['active ne false', { kind: 'compare', path: p('active'), op: 'ne', value: false }],
    ['manager eq null', { kind: 'compare', path: p('manager'), op: 'eq', value: null }],
    [
      `${ENTERPRISE}:manager.value eq "26118915-6090-4610-87e4-49d8ca9f808d"`,
      {
        kind: 'compare',
        path: p('manager', 'value', ENTERPRISE),
        op: 'eq',
        value: '26118915-6090-4610-87e4-49d8ca9f808d',
      },
    ],
    [
      'title pr and userType eq "Employee"',
      {
        kind: 'and',
        left: { kind: 'present', path: p('title') },
        right: { kind: 'compare', path: p('userType'), op: 'eq', value: 'Employee' },
      },
    ],
    [
      'a eq 1 or b eq 2 and c eq 3',
      {
        kind: 'or',
        left: { kind: 'compare', path: p('a'), op: 'eq', value: 1 },
        right: {
          kind: 'and',
          left: { kind: 'compare', path: p('b'), op: 'eq', value: 2 },
          right: { kind: 'compare', path: p('c'), op: 'eq', value: 3 },
        },
      },
    ],
    [
      'userType eq "Employee" and (emails co "example.com" or emails.value co "example.org")',
      {
        kind: 'and',
        left: { kind: 'compare', path: p('userType'), op: 'eq', value: 'Employee' },
        right: {
          kind: 'or',
          left: { kind: 'compare', path: p('emails'), op: 'co', value: 'example.com' },
          right: { kind: 'compare', path: p('emails', 'value'), op: 'co', value: 'example.org' },
        },
      },
    ],
    [
      'userType ne "Employee" and not (emails co "example.com" OR emails.value co "example.org")',
      {
        kind: 'and',
        left: { kind: 'compare', path: p('userType'), op: 'ne', value: 'Employee' },
        right: {
          kind: 'not',
          filter: {
            kind: 'or',
            left: { kind: 'compare', path: p('emails'), op: 'co', value: 'example.com' },
            right: { kind: 'compare', path: p('emails', 'value'), op: 'co', value: 'example.org' },
          },
        },
      },
    ],
    [
      'emails[type eq "work" and value co "@example.com"] or ims[type eq "xmpp" and value co "@foo.com"]',
      {
        kind: 'or',
        left: {
          kind: 'valuePath',
          path: p('emails'),
          filter: {
            kind: 'and',
            left: { kind: 'compare', path: p('type'), op: 'eq', value: 'work' },
            right: { kind: 'compare', path: p('value'), op: 'co', value: '@example.com' },
          },
        },
        right: {
          kind: 'valuePath',
          path: p('ims'),
          filter: {
            kind: 'and',
            left: { kind: 'compare', path: p('type'), op: 'eq', value: 'xmpp' },
            right: { kind: 'compare', path: p('value'), op: 'co', value: '@foo.com' },
          },
        },
      },
    ],
    [
      'members[value eq "2819c223"]',
      {
        kind: 'valuePath',
        path: p('members'),
        filter: { kind: 'compare', path: p('value'), op: 'eq', value: '2819c223' },
      },
    ],
    [
      'not(userName eq"x")',
      { kind: 'not', filter: { kind: 'compare', path: p('userName'), op: 'eq', value: 'x' } },
    ],
    ['not eq "x"', { kind: 'compare', path: p('not'), op: 'eq', value: 'x' }],
  ])('%s', (text, expected) => {
    expect(parseFilter(text)).toEqual(expected);
  });

  it.each<[string, RegExp]>([
    ['', /empty/],
    ['   ', /empty/],
    ['userName', /operator.*position 8/],
    ['userName eq', /value.*end of the filter/],
    ['userName xx "a"', /operator.*position 9/],
    ['userName eq "unterminated', /Unterminated.*position 12/],
    ['userName eq "bad \\q escape"', /Invalid string/],
    ['userName eq eq', /value.*'eq'/],
    ['userName eq AND', /value.*'AND'/],
    ['userName eq pr', /value.*'pr'/],
    ['userName eq not (x pr)', /value.*'not'/],
    ['userName eq or x pr', /value.*'or'/],
    ['userName eq (john)', /value.*'\('/],
    ['userName eq )', /value.*'\)'/],
    ['emails[value eq ]', /value.*'\]'/],
    ['userName eq john)', /end of the filter/],
    ['(userName eq john', /'\)'/],
    ['userName eq jo(hn)', /end of the filter/],
    ['userName eq jo"hn"', /end of the filter/],
    ['userName eq john doe', /end of the filter/],
    ['userName eq a\u0000b', /value/],
    ['userName eq a\u0007b', /value/],
    ['userName eq \ud800', /value/],
    ['x eq +1', /value/],
    ['x eq .5', /value/],
    ['x eq 1.', /value/],
    ['userName eq "a" and', /attribute path.*end/],
    ['(userName eq "a"', /'\)'/],
    ['userName eq "a")', /end of the filter/],
    ['emails[type eq "work"', /'\]'/],
    ['emails[value[type eq "x"] pr]', /nested/],
    ['emails.value[type eq "x"]', /sub-attribute/],
    ['not userName eq "a"', /operator/],
    ['1abc eq "a"', /Invalid attribute path/],
    ['a.b.c eq "a"', /Invalid attribute path/],
    ['x eq 01', /value/],
    ['x eq 1e999', /value/],
    ['"x" eq "y"', /attribute path/],
    ['userName eq "a\\u0000b"', /NUL or a lone surrogate/],
    ['userName eq "\\ud800"', /NUL or a lone surrogate/],
    ['emails[value eq "\\udc00"] pr', /NUL or a lone surrogate/],
  ])('rejects %j', (text, detail) => {
    expectInvalidFilter(() => parseFilter(text), detail);
  });

  // Okta's suite and Microsoft's reference server leave strings and dateTimes unquoted.
  it.each<[string, FilterNode]>([
    [
      'name.familyName eq Employee',
      { kind: 'compare', path: p('name', 'familyName'), op: 'eq', value: 'Employee' },
    ],
    [
      'meta.created gt 2015-10-10T14:38:21Z',
      { kind: 'compare', path: p('meta', 'created'), op: 'gt', value: '2015-10-10T14:38:21Z' },
    ],
    [
      'userName eq bjensen@example.com',
      { kind: 'compare', path: p('userName'), op: 'eq', value: 'bjensen@example.com' },
    ],
    [
      '(userName eq john) or not(title sw Vice-President)',
      {
        kind: 'or',
        left: { kind: 'compare', path: p('userName'), op: 'eq', value: 'john' },
        right: {
          kind: 'not',
          filter: { kind: 'compare', path: p('title'), op: 'sw', value: 'Vice-President' },
        },
      },
    ],
    [
      'emails[type eq work and value ew @example.com]',
      {
        kind: 'valuePath',
        path: p('emails'),
        filter: {
          kind: 'and',
          left: { kind: 'compare', path: p('type'), op: 'eq', value: 'work' },
          right: { kind: 'compare', path: p('value'), op: 'ew', value: '@example.com' },
        },
      },
    ],
    ['x eq trueish', { kind: 'compare', path: p('x'), op: 'eq', value: 'trueish' }],
    ['x eq 12ab', { kind: 'compare', path: p('x'), op: 'eq', value: '12ab' }],
    ['x eq displayName', { kind: 'compare', path: p('x'), op: 'eq', value: 'displayName' }],
    // Quoted, the same words keep their exact meaning: strings, never literals.
    ['x eq "true"', { kind: 'compare', path: p('x'), op: 'eq', value: 'true' }],
    ['x eq "null"', { kind: 'compare', path: p('x'), op: 'eq', value: 'null' }],
    ['x eq "42"', { kind: 'compare', path: p('x'), op: 'eq', value: '42' }],
    ['x eq "and"', { kind: 'compare', path: p('x'), op: 'eq', value: 'and' }],
    ['x eq "a b)"', { kind: 'compare', path: p('x'), op: 'eq', value: 'a b)' }],
    ['x eq False', { kind: 'compare', path: p('x'), op: 'eq', value: false }],
    ['x eq -2.5e3', { kind: 'compare', path: p('x'), op: 'eq', value: -2500 }],
  ])('accepts the unquoted value in %s', (text, expected) => {
    expect(parseFilter(text)).toEqual(expected);
  });

  it('prints an unquoted value back quoted, as the same string', () => {
    const text = printFilter(parseFilter('meta.created gt 2015-10-10T14:38:21Z and title co VP'));
    expect(text).toBe('meta.created gt "2015-10-10T14:38:21Z" and title co "VP"');
  });

  it('limits length and nesting depth', () => {
    expectInvalidFilter(
      () => parseFilter(`userName eq "${'a'.repeat(MAX_FILTER_LENGTH)}"`),
      /longer/,
    );
    const deep = `${'('.repeat(MAX_FILTER_DEPTH + 1)}a pr${')'.repeat(MAX_FILTER_DEPTH + 1)}`;
    expectInvalidFilter(() => parseFilter(deep), /deeper/);
    const notDeep = `${'not ('.repeat(2000)}a pr${')'.repeat(2000)}`;
    expectInvalidFilter(() => parseFilter(notDeep));
    const ok = `${'('.repeat(MAX_FILTER_DEPTH - 1)}a pr${')'.repeat(MAX_FILTER_DEPTH - 1)}`;
    expect(parseFilter(ok)).toEqual({ kind: 'present', path: p('a') });
  });

  it('parses long flat and-chains without deep recursion', () => {
    const text = Array.from({ length: 300 }, (_, i) => `a${i} pr`).join(' and ');
    expect(parseFilter(text).kind).toBe('and');
  });
});

describe('parseFilter properties', () => {
  const fragments = fc.constantFrom(
    'userName',
    'eq',
    'EQ',
    'ne',
    'co',
    'sw',
    'pr',
    'gt',
    'and',
    'or',
    'not',
    'Not',
    '(',
    ')',
    '[',
    ']',
    '"x"',
    '"a\\"b"',
    '"',
    '\\',
    '1',
    '-2.5',
    'true',
    'null',
    'emails',
    '.value',
    'name.givenName',
    `${ENTERPRISE}:manager`,
    ' ',
    '  ',
    ':',
    '.',
    'urn:',
    '\u0000',
    'é',
  );

  it('random text either parses or throws invalidFilter', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'binary' }),
          fc.array(fragments).map((a) => a.join(' ')),
        ),
        (text) => {
          try {
            parseFilter(text);
          } catch (error) {
            expect(error).toBeInstanceOf(ScimError);
            expect((error as ScimError).scimType).toBe('invalidFilter');
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('random token soups either parse or throw invalidFilter', () => {
    fc.assert(
      fc.property(fc.array(fragments, { maxLength: 40 }), (parts) => {
        try {
          parseFilter(parts.join(''));
        } catch (error) {
          expect(error).toBeInstanceOf(ScimError);
          expect((error as ScimError).scimType).toBe('invalidFilter');
        }
      }),
      { numRuns: 2000 },
    );
  });

  const name = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_-]{0,8}$/);
  const path = fc.record(
    {
      schema: fc.constantFrom(ENTERPRISE, 'urn:ietf:params:scim:schemas:core:2.0:User'),
      attribute: name,
      subAttribute: name,
    },
    { requiredKeys: ['attribute'] },
  );
  const simplePath = name.map((attribute) => ({ attribute }));
  // NUL and lone surrogates are refused by design (see "rejects"): not round-trip material.
  const storable = (text: string) =>
    !/\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
  const value = fc.oneof(
    fc.string().filter(storable),
    fc.string({ unit: 'binary' }).filter(storable),
    fc.boolean(),
    fc.constant(null),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0)),
  );
  const op = fc.constantFrom(...COMPARE_OPERATORS);

  function nodes(
    pathArb: fc.Arbitrary<AttributePath>,
    withValuePath: boolean,
  ): { node: fc.Arbitrary<FilterNode> } {
    return fc.letrec<{ node: FilterNode }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.record({ kind: fc.constant('compare' as const), path: pathArb, op, value }),
        fc.record({ kind: fc.constant('present' as const), path: pathArb }),
        fc.record({
          kind: fc.constantFrom('and' as const, 'or' as const),
          left: tie('node'),
          right: tie('node'),
        }),
        fc.record({ kind: fc.constant('not' as const), filter: tie('node') }),
        ...(withValuePath
          ? [
              fc.record({
                kind: fc.constant('valuePath' as const),
                path: simplePath,
                filter: nodes(simplePath, false).node,
              }),
            ]
          : []),
      ),
    }));
  }

  it('parse(print(ast)) round-trips', () => {
    fc.assert(
      fc.property(nodes(path, true).node, (ast) => {
        expect(parseFilter(printFilter(ast))).toEqual(ast);
      }),
      { numRuns: 1000 },
    );
  });
});
