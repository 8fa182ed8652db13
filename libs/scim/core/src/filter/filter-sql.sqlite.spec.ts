// Proves the compiled SQL means what RFC 7644 says by running it on a real SQLite engine.
// A test-only import (allowed for specs in eslint.config.mjs): production code never does.
import Database from 'better-sqlite3';
import { compileFilter } from './filter-sql.compiler';
import { compileSortBy } from './sort-by-sql.compiler';
import { aUserFilterTarget } from './testing/user-filter-target.fixture';
import { parseFilter } from './filter.parser';

const target = aUserFilterTarget('sqlite');

interface UserRow {
  id: string;
  user_name: string;
  external_id: string | null;
  display_name: string | null;
  active: number | null;
  given_name: string | null;
  last_modified: string | null;
  login_count: number | null;
  department: string | null;
  role_name: string | null;
  emails: [value: string, type: string, primary: number][];
}

const users: UserRow[] = [
  {
    id: '1',
    user_name: 'Ryan@Contoso.com',
    external_id: 'AbC',
    display_name: 'Ops Team',
    active: 1,
    given_name: 'Ryan',
    last_modified: '2024-01-01 10:00:00.000',
    login_count: 5,
    department: null,
    role_name: 'admin',
    emails: [
      ['Ryan@Contoso.com', 'work', 1],
      ['ryan@home.org', 'home', 0],
    ],
  },
  {
    id: '2',
    user_name: 'bob_1%@x.com',
    external_id: 'abc',
    display_name: 'ops',
    active: 0,
    given_name: null,
    last_modified: '2024-06-01 00:00:00.000',
    login_count: 1,
    department: '',
    role_name: 'Admin',
    emails: [['bob@x.com', 'home', 0]],
  },
  {
    id: '3',
    user_name: 'carol',
    external_id: null,
    display_name: null,
    active: null,
    given_name: '',
    last_modified: null,
    login_count: null,
    department: 'Sales',
    role_name: null,
    emails: [],
  },
  {
    id: '4',
    user_name: 'dave\\x',
    external_id: 'ABC',
    display_name: 'Dave',
    active: 1,
    given_name: 'Dave',
    last_modified: '2023-12-31 23:59:59.999',
    login_count: 10,
    department: 'sales',
    role_name: 'member',
    emails: [],
  },
];

let db: Database.Database;

beforeAll(() => {
  db = new Database(':memory:');
  db.exec(`
    CREATE TABLE u (
      id TEXT PRIMARY KEY, user_name TEXT NOT NULL, user_name_lower TEXT NOT NULL,
      external_id TEXT, display_name TEXT, active INTEGER, given_name TEXT, family_name TEXT,
      last_modified DATETIME, login_count INTEGER, department TEXT, manager_id TEXT, role_name TEXT);
    CREATE INDEX u_user_name_lower ON u (user_name_lower);
    CREATE TABLE user_emails (user_id TEXT NOT NULL, value TEXT NOT NULL,
      value_lower TEXT NOT NULL, type TEXT, "primary" INTEGER);
  `);
  const insertUser = db.prepare(`INSERT INTO u (id, user_name, user_name_lower, external_id,
    display_name, active, given_name, last_modified, login_count, department, role_name)
    VALUES (@id, @user_name, @user_name_lower, @external_id, @display_name, @active,
    @given_name, @last_modified, @login_count, @department, @role_name)`);
  const insertEmail = db.prepare(
    'INSERT INTO user_emails VALUES (@user_id, @value, @value_lower, @type, @primary)',
  );
  for (const { emails, ...user } of users) {
    insertUser.run({ ...user, user_name_lower: user.user_name.toLowerCase() });
    for (const [value, type, primary] of emails) {
      insertEmail.run({ user_id: user.id, value, value_lower: value.toLowerCase(), type, primary });
    }
  }
});

afterAll(() => db.close());

function matching(filter: string): string[] {
  const { where, params } = compileFilter(parseFilter(filter), target);
  const rows = db.prepare(`SELECT u.id AS id FROM u WHERE ${where} ORDER BY u.id`).all(params);
  return rows.map((row) => (row as { id: string }).id);
}

describe('compiled filters on SQLite', () => {
  it.each<[string, string[]]>([
    // caseExact:false: case-insensitive through the normalised column
    ['userName eq "RYAN@contoso.COM"', ['1']],
    ['userName eq "Carol"', ['3']],
    ['displayName eq "OPS"', ['2']],
    ['displayName co "OPS"', ['1', '2']],
    ['name.givenName sw "RY"', ['1']],
    // LIKE metacharacters in values are literal
    ['userName co "_1%"', ['2']],
    ['userName co "%"', ['2']],
    ['userName sw "b_"', []],
    ['userName co "\\\\"', ['4']],
    ['userName ew "%@X.COM"', ['2']],
    // caseExact:true is case-sensitive although SQLite's LIKE is not
    ['externalId eq "abc"', ['2']],
    ['externalId co "B"', ['4']],
    ['externalId co "b"', ['1', '2']],
    ['externalId sw "a"', ['2']],
    ['externalId ew "C"', ['1', '4']],
    ['externalId ew "xAbC"', []],
    ['externalId ew ""', ['1', '2', '4']],
    ['roleName eq "admin"', ['1']],
    ['urn:ietf:params:scim:schemas:extension:rollcall:2.0:User:roleName eq "Admin"', ['2']],
    ['department eq "SALES"', ['3', '4']],
    // NULL handling: ne and not() include unassigned values
    ['displayName ne "ops"', ['1', '3', '4']],
    ['not (displayName eq "ops")', ['1', '3', '4']],
    ['not (active eq true)', ['2', '3']],
    ['not (not (active eq true))', ['1', '4']],
    ['active eq false', ['2']],
    ['active ne false', ['1', '3', '4']],
    ['active pr', ['1', '2', '4']],
    ['displayName eq null', ['3']],
    ['name.givenName pr', ['1', '4']],
    ['department pr', ['3', '4']],
    // ordering
    ['meta.lastModified gt "2024-03-01T00:00:00Z"', ['2']],
    ['meta.lastModified ge "2024-01-01T10:00:00Z"', ['1', '2']],
    ['meta.lastModified lt "2024-01-01T11:00:00+01:00"', ['4']],
    ['meta.lastModified le "2024-01-01T11:00:00+01:00"', ['1', '4']],
    ['loginCount gt 4', ['1', '4']],
    ['userName lt "C"', ['2']],
    // multi-valued: EXISTS, with value-path conditions on the same value
    ['emails pr', ['1', '2']],
    ['not (emails pr)', ['3', '4']],
    ['emails eq "BOB@x.com"', ['2']],
    ['emails.value co "contoso"', ['1']],
    ['emails[type eq "work" and value co "contoso"]', ['1']],
    ['emails[type eq "home" and value co "contoso"]', []],
    ['emails.type eq "home" and emails.value co "contoso"', ['1']],
    ['emails[primary eq true]', ['1']],
    ['emails[type eq "HOME"] and not (emails[type eq "work"])', ['2']],
    // precedence
    ['userName eq "carol" or active eq true and displayName eq "dave"', ['3', '4']],
    ['(userName eq "carol" or active eq true) and displayName eq "dave"', ['4']],
  ])('%s', (filter, expected) => {
    expect(matching(filter)).toEqual(expected);
  });

  it('sorts by compiled sortBy expressions', () => {
    const order = (path: string) =>
      db
        .prepare(`SELECT u.id AS id FROM u ORDER BY ${compileSortBy(path, target)}, u.id`)
        .all()
        .map((row) => (row as { id: string }).id);
    expect(order('userName')).toEqual(['2', '3', '4', '1']);
    expect(order('emails')).toEqual(['3', '4', '2', '1']);
  });

  it('uses the index for Entra userName lookups', () => {
    const { where, params } = compileFilter(parseFilter('userName eq "x"'), target);
    const plan = db.prepare(`EXPLAIN QUERY PLAN SELECT u.id FROM u WHERE ${where}`).all(params);
    expect(JSON.stringify(plan)).toContain('u_user_name_lower');
  });
});
