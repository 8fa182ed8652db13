import { ScimError } from '../errors/scim-error';
import { compileFilter } from './filter-sql.compiler';
import { compileSortBy } from './sort-by-sql.compiler';
import {
  aUserFilterTarget,
  ENTERPRISE_URN,
  ROLLCALL_URN,
} from './testing/user-filter-target.fixture';
import type { FilterTarget } from './filter-sql.types';
import { parseFilter } from './filter.parser';

const sqlite = aUserFilterTarget('sqlite');
const postgres = aUserFilterTarget('postgres');

function compile(filter: string, target: FilterTarget = sqlite) {
  return compileFilter(parseFilter(filter), target);
}

function expectInvalidFilter(run: () => unknown, detail: RegExp): void {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(ScimError);
  expect(caught).toMatchObject({ scimType: 'invalidFilter' });
  expect((caught as ScimError).message).toMatch(detail);
}

describe('compileFilter', () => {
  it.each<[string, FilterTarget, string, Record<string, unknown>]>([
    // Entra's matching query must hit the lower-cased, indexed column.
    [
      'userName eq "Ryan@Contoso.com"',
      sqlite,
      'u.user_name_lower = :f0',
      { f0: 'ryan@contoso.com' },
    ],
    ['USERNAME EQ "A"', postgres, 'u.user_name_lower = :f0', { f0: 'a' }],
    ['displayName eq "Ops"', sqlite, 'LOWER(u.display_name) = LOWER(:f0)', { f0: 'Ops' }],
    ['externalId eq "AbC"', sqlite, 'u.external_id = :f0', { f0: 'AbC' }],
    ['userName ne "x"', sqlite, '(u.user_name IS NULL OR u.user_name_lower <> :f0)', { f0: 'x' }],
    [
      'userName co "50%_\\\\"',
      postgres,
      "u.user_name_lower LIKE :f0 ESCAPE '\\'",
      { f0: '%50\\%\\_\\\\%' },
    ],
    ['userName sw "J"', sqlite, "u.user_name_lower LIKE :f0 ESCAPE '\\'", { f0: 'j%' }],
    [
      'displayName ew "Ops"',
      sqlite,
      "LOWER(u.display_name) LIKE LOWER(:f0) ESCAPE '\\'",
      { f0: '%Ops' },
    ],
    ['externalId co "Ab"', sqlite, 'instr(u.external_id, :f0) > 0', { f0: 'Ab' }],
    ['externalId sw "Ab"', sqlite, 'substr(u.external_id, 1, length(:f0)) = :f0', { f0: 'Ab' }],
    [
      'externalId ew "Ab"',
      sqlite,
      'substr(u.external_id, length(u.external_id) - length(:f0) + 1) = :f0',
      { f0: 'Ab' },
    ],
    ['externalId co "Ab"', postgres, "u.external_id LIKE :f0 ESCAPE '\\'", { f0: '%Ab%' }],
    ['active eq true', sqlite, 'u.active = :f0', { f0: 1 }],
    ['active eq "False"', sqlite, 'u.active = :f0', { f0: 0 }],
    ['active eq true', postgres, 'u.active = :f0', { f0: true }],
    ['active ne true', postgres, '(u.active IS NULL OR u.active <> :f0)', { f0: true }],
    ['active pr', sqlite, 'u.active IS NOT NULL', {}],
    [
      'title pr',
      {
        ...sqlite,
        attributes: { title: { kind: 'column', type: 'string', column: 't', caseExact: false } },
      },
      "(t IS NOT NULL AND t <> '')",
      {},
    ],
    ['userName eq null', sqlite, "NOT (u.user_name IS NOT NULL AND u.user_name <> '')", {}],
    [
      'meta.lastModified gt "2011-05-13T04:42:34Z"',
      sqlite,
      'u.last_modified > :f0',
      { f0: '2011-05-13 04:42:34.000' },
    ],
    [
      'meta.lastModified le "2011-05-13T06:42:34.5+02:00"',
      postgres,
      'u.last_modified <= :f0',
      { f0: '2011-05-13T04:42:34.500Z' },
    ],
    ['loginCount ge 3', sqlite, 'u.login_count >= :f0', { f0: 3 }],
    ['name.givenName eq "Barbara"', sqlite, 'LOWER(u.given_name) = LOWER(:f0)', { f0: 'Barbara' }],
    [
      'name pr',
      sqlite,
      "((u.given_name IS NOT NULL AND u.given_name <> '') OR (u.family_name IS NOT NULL AND u.family_name <> ''))",
      {},
    ],
    [
      'name[givenName eq "a" and familyName eq "b"]',
      sqlite,
      '(LOWER(u.given_name) = LOWER(:f0) AND LOWER(u.family_name) = LOWER(:f1))',
      { f0: 'a', f1: 'b' },
    ],
    [
      'emails[type eq "work" and value co "@x"]',
      sqlite,
      "EXISTS (SELECT 1 FROM user_emails ue WHERE ue.user_id = u.id AND (LOWER(ue.type) = LOWER(:f0) AND ue.value_lower LIKE :f1 ESCAPE '\\'))",
      { f0: 'work', f1: '%@x%' },
    ],
    [
      'emails.value eq "A@x"',
      sqlite,
      'EXISTS (SELECT 1 FROM user_emails ue WHERE ue.user_id = u.id AND ue.value_lower = :f0)',
      { f0: 'a@x' },
    ],
    [
      'emails eq "A@x"',
      sqlite,
      'EXISTS (SELECT 1 FROM user_emails ue WHERE ue.user_id = u.id AND ue.value_lower = :f0)',
      { f0: 'a@x' },
    ],
    ['emails pr', sqlite, 'EXISTS (SELECT 1 FROM user_emails ue WHERE ue.user_id = u.id)', {}],
    [
      'emails[primary eq true]',
      postgres,
      'EXISTS (SELECT 1 FROM user_emails ue WHERE ue.user_id = u.id AND ue."primary" = :f0)',
      { f0: true },
    ],
    [
      `${ENTERPRISE_URN}:department eq "Sales"`,
      sqlite,
      'LOWER(u.department) = LOWER(:f0)',
      { f0: 'Sales' },
    ],
    // Entra sends the custom attribute with and without its URN.
    ['roleName eq "admin"', sqlite, 'u.role_name = :f0', { f0: 'admin' }],
    [
      `${ROLLCALL_URN.toUpperCase()}:ROLENAME eq "admin"`,
      sqlite,
      'u.role_name = :f0',
      { f0: 'admin' },
    ],
    ['manager.value eq "m1"', sqlite, 'u.manager_id = :f0', { f0: 'm1' }],
    [
      'urn:ietf:params:scim:schemas:core:2.0:User:userName eq "a"',
      sqlite,
      'u.user_name_lower = :f0',
      { f0: 'a' },
    ],
    [
      'not (userName eq "a" or active eq true)',
      sqlite,
      'NOT COALESCE((u.user_name_lower = :f0 OR u.active = :f1), 0)',
      { f0: 'a', f1: 1 },
    ],
    ['not (active eq true)', postgres, 'NOT COALESCE(u.active = :f0, FALSE)', { f0: true }],
  ])('%s (%#)', (filter, target, where, params) => {
    expect(compile(filter, target)).toEqual({ where, params });
  });

  it('uses the given parameter prefix', () => {
    expect(compileFilter(parseFilter('userName eq "a" and active eq true'), sqlite, 'p')).toEqual({
      where: '(u.user_name_lower = :p0 AND u.active = :p1)',
      params: { p0: 'a', p1: 1 },
    });
  });

  it.each<[string, RegExp]>([
    ['nickName eq "x"', /Unknown attribute 'nickName'/],
    ['constructor eq "x"', /Unknown attribute 'constructor'/],
    ['emails.nope eq "x"', /Unknown attribute 'emails.nope'/],
    ['emails[nope eq "x"]', /Unknown attribute 'emails.nope'/],
    ['urn:example:other:department eq "x"', /Unknown attribute/],
    ['active gt true', /operator 'gt'/],
    ['active co "t"', /operator 'co'/],
    ['active eq "yes"', /expects true or false/],
    ['userName eq 5', /expects a string/],
    ['loginCount eq 1.5', /expects an integer/],
    ['meta.lastModified gt "yesterday"', /ISO 8601/],
    ['meta.lastModified gt "2024-02-31T00:00:00Z"', /ISO 8601/],
    ['meta.lastModified co "2024"', /ISO 8601|operator/],
    ['userName gt null', /null/],
    ['name eq "x"', /complex/],
    ['userName[value eq "x"]', /not a complex attribute/],
  ])('rejects %s', (filter, detail) => {
    expectInvalidFilter(() => compile(filter), detail);
  });

  it('rejects an ambiguous unqualified extension attribute', () => {
    const target: FilterTarget = {
      ...sqlite,
      attributes: {
        ...sqlite.attributes,
        [`${ROLLCALL_URN.toLowerCase()}:department`]: {
          kind: 'column',
          type: 'string',
          column: 'u.rc_department',
          caseExact: false,
        },
      },
    };
    expectInvalidFilter(() => compile('department eq "x"', target), /ambiguous/);
  });

  it('never puts values into the SQL text', () => {
    const { where } = compile(`userName eq "'; DROP TABLE u; --" or emails co "%'"`);
    expect(where).not.toContain('DROP');
    expect(where).not.toContain("%'");
  });
});

describe('compileSortBy', () => {
  it.each([
    ['userName', sqlite, 'u.user_name_lower'],
    ['displayName', sqlite, 'LOWER(u.display_name)'],
    ['meta.lastModified', postgres, 'u.last_modified'],
    ['externalId', postgres, 'u.external_id'],
    [
      'emails',
      sqlite,
      '(SELECT ue.value_lower FROM user_emails ue WHERE ue.user_id = u.id ORDER BY CASE WHEN ue."primary" = 1 THEN 0 ELSE 1 END LIMIT 1)',
    ],
    [
      'emails.type',
      postgres,
      '(SELECT LOWER(ue.type) FROM user_emails ue WHERE ue.user_id = u.id ORDER BY CASE WHEN ue."primary" = TRUE THEN 0 ELSE 1 END LIMIT 1)',
    ],
  ])('%s', (path, target, expected) => {
    expect(compileSortBy(path, target)).toBe(expected);
  });

  it.each(['nope', 'name', 'a b', ''])('rejects %j with invalidValue', (path) => {
    expect(() => compileSortBy(path, sqlite)).toThrow(
      expect.objectContaining({ scimType: 'invalidValue' }),
    );
  });
});
