import { randomUUID } from 'node:crypto';
import { TestApi } from './support/test-api';
import {
  ENTERPRISE_URN,
  LIST_RESPONSE_URN,
  ROLLCALL_URN,
  USER_URN,
  type ScimUserResource,
} from './support/scim-user.builder';
import { SCIM_JSON, ScimUsers, bodyOf, expectScimError } from './support/scim-users.client';

const ALICE = 'alice@contoso.example';
const BOB = 'bob@contoso.example';
const CAROL = 'carol@fabrikam.example';
const DAVE = 'dave@contoso.example';

/** Four users that every filter below is evaluated against; the expected sets are by hand. */
const DIRECTORY = [
  {
    schemas: [USER_URN, ENTERPRISE_URN, ROLLCALL_URN],
    userName: ALICE,
    externalId: 'ext-alice',
    displayName: 'Alice Archer',
    title: 'Engineer',
    active: true,
    name: { givenName: 'Alice', familyName: 'Archer' },
    emails: [
      { type: 'work', value: ALICE, primary: true },
      { type: 'home', value: 'alice@home.example' },
    ],
    [ENTERPRISE_URN]: { department: 'Engineering' },
    [ROLLCALL_URN]: { roleName: 'admin' },
  },
  {
    schemas: [USER_URN, ENTERPRISE_URN, ROLLCALL_URN],
    userName: BOB,
    externalId: 'ext-bob',
    displayName: 'Bob Baker',
    title: 'Account Manager',
    active: false,
    name: { givenName: 'Bob', familyName: 'Baker' },
    emails: [{ type: 'work', value: 'bob@fabrikam.example', primary: true }],
    phoneNumbers: [{ type: 'mobile', value: '+44 7700 900123' }],
    [ENTERPRISE_URN]: { department: 'Sales' },
    [ROLLCALL_URN]: { roleName: 'Billing Admin' },
  },
  {
    schemas: [USER_URN, ENTERPRISE_URN],
    userName: CAROL,
    externalId: 'ext-carol',
    displayName: 'Carol Carter',
    active: true,
    name: { givenName: 'Carol', familyName: 'Carter' },
    emails: [{ type: 'work', value: CAROL, primary: true }],
    [ENTERPRISE_URN]: { department: 'Engineering' },
  },
  {
    schemas: [USER_URN, ENTERPRISE_URN],
    userName: DAVE,
    externalId: 'ext-dave',
    active: true,
    name: { givenName: 'Dave', familyName: 'Archer-Dunn' },
    emails: [{ type: 'home', value: 'dave@fabrikam.example' }],
    [ENTERPRISE_URN]: { department: 'Support' },
    // Entra custom attributes may arrive unqualified.
    roleName: 'member',
  },
];

describe('SCIM /Users: filters compiled to SQL (RFC 7644 §3.4.2.2)', () => {
  let api: TestApi;
  let users: ScimUsers;
  const byName = new Map<string, ScimUserResource>();

  beforeAll(async () => {
    api = await TestApi.start();
    users = await ScimUsers.forNewOrganization(api);
    for (const body of DIRECTORY) {
      const created = await users.create(body);
      byName.set(created.userName, created);
    }
    // Another org's users must never leak into this org's results.
    const other = await ScimUsers.forNewOrganization(api, 'Other Org');
    await other.create({
      schemas: [USER_URN],
      userName: 'alice@other.example',
      displayName: 'Alice Archer',
    });
  });

  afterAll(async () => {
    await api.stop();
  });

  describe('Entra matching', () => {
    it('finds exactly one user by userName sent in a different case', async () => {
      const response = await users.query({ filter: 'userName eq "ALICE@Contoso.EXAMPLE"' });
      const page = await bodyOf<{ Resources: ScimUserResource[] }>(response, 200);
      expect(response.headers.get('content-type')).toMatch(SCIM_JSON);
      expect(page).toEqual({
        schemas: [LIST_RESPONSE_URN],
        totalResults: 1,
        startIndex: 1,
        itemsPerPage: 1,
        Resources: [byName.get(ALICE)],
      });
    });

    it('finds a user by externalId (caseExact, RFC 7643 §3.1)', async () => {
      expect(await users.userNamesMatching('externalId eq "ext-bob"')).toEqual([BOB]);
      expect(await users.userNamesMatching('externalId eq "EXT-BOB"')).toEqual([]);
    });

    it('finds a user by displayName, case-insensitively', async () => {
      expect(await users.userNamesMatching('displayName eq "carol CARTER"')).toEqual([CAROL]);
    });

    it("answers Test Connection's random userName with 200 and an empty ListResponse", async () => {
      const page = await users.list({ filter: `userName eq "${randomUUID()}"` });
      expect(page).toEqual({
        schemas: [LIST_RESPONSE_URN],
        totalResults: 0,
        startIndex: 1,
        itemsPerPage: 0,
        Resources: [],
      });
    });
  });

  describe('operators and grammar', () => {
    it.each<[string, string[]]>([
      ['userName eq "bob@contoso.example"', [BOB]],
      ['userName ne "alice@contoso.example"', [BOB, CAROL, DAVE]],
      ['userName co "FABRIKAM"', [CAROL]],
      ['userName sw "B"', [BOB]],
      ['userName ew "@contoso.example"', [ALICE, BOB, DAVE]],
      ['userName gt "bob@contoso.example"', [CAROL, DAVE]],
      ['userName ge "bob@contoso.example"', [BOB, CAROL, DAVE]],
      ['userName lt "bob@contoso.example"', [ALICE]],
      ['userName le "bob@contoso.example"', [ALICE, BOB]],
      ['title pr', [ALICE, BOB]],
      ['displayName pr', [ALICE, BOB, CAROL]],
      ['title co "manager"', [BOB]],
      ['active eq false', [BOB]],
      ['active eq true', [ALICE, CAROL, DAVE]],
      ['active ne true', [BOB]],
      [`active eq true and ${ENTERPRISE_URN}:department eq "Engineering"`, [ALICE, CAROL]],
      ['userName sw "a" or userName sw "c"', [ALICE, CAROL]],
      ['not (userName ew "@contoso.example")', [CAROL]],
      ['active eq true and (userName sw "a" or userName sw "b")', [ALICE]],
      // Without parentheses "and" binds tighter than "or" (RFC 7644 §3.4.2.2).
      ['active eq true and userName sw "a" or userName sw "b"', [ALICE, BOB]],
      ['(userName sw "a" or userName sw "b") and not (active eq false)', [ALICE]],
      ['emails[type eq "work" and value co "@fabrikam"]', [BOB, CAROL]],
      ['emails[type eq "home"]', [ALICE, DAVE]],
      ['emails[type eq "work"] and emails[value co "home.example"]', [ALICE]],
      ['emails.value eq "alice@home.example"', [ALICE]],
      ['emails.value co "FABRIKAM"', [BOB, CAROL, DAVE]],
      ['emails pr', [ALICE, BOB, CAROL, DAVE]],
      ['phoneNumbers[type eq "mobile"]', [BOB]],
      ['phoneNumbers pr', [BOB]],
      ['name.familyName sw "arch"', [ALICE, DAVE]],
      ['name.givenName eq "carol"', [CAROL]],
      [`${ENTERPRISE_URN}:department eq "Engineering"`, [ALICE, CAROL]],
      [`${ENTERPRISE_URN}:department ne "Engineering"`, [BOB, DAVE]],
      [`${USER_URN}:userName eq "dave@contoso.example"`, [DAVE]],
      ['USERNAME EQ "alice@contoso.example"', [ALICE]],
      ['UserName Sw "ALI" AND Active Eq TRUE', [ALICE]],
      ['EMAILS[TYPE EQ "WORK" AND VALUE EW "contoso.example"]', [ALICE]],
      ['roleName eq "admin"', [ALICE]],
      [`${ROLLCALL_URN}:roleName eq "billing admin"`, [BOB]],
      ['roleName eq "member"', [DAVE]],
      ['roleName pr', [ALICE, BOB, DAVE]],
      ['meta.lastModified gt "2000-01-01T00:00:00Z"', [ALICE, BOB, CAROL, DAVE]],
      ['meta.lastModified lt "2000-01-01T00:00:00Z"', []],
      ['meta.created ge "2000-01-01T00:00:00.000Z"', [ALICE, BOB, CAROL, DAVE]],
      // Okta and Microsoft's reference server leave strings and dateTimes unquoted.
      ['name.familyName eq Archer', [ALICE]],
      ['userName eq alice@contoso.example', [ALICE]],
      ['meta.created gt 2000-01-01T00:00:00Z', [ALICE, BOB, CAROL, DAVE]],
      ['meta.lastModified lt 2000-01-01T00:00:00Z', []],
      ['emails[type eq work and value co @fabrikam]', [BOB, CAROL]],
      [`active eq true and ${ENTERPRISE_URN}:department eq Engineering`, [ALICE, CAROL]],
      ['(title co Manager) or not (userName ew @contoso.example)', [BOB, CAROL]],
      ['externalId eq "ext-bob" or externalId eq ext-dave', [BOB, DAVE]],
    ])('%s', async (filter, expected) => {
      expect(await users.userNamesMatching(filter)).toEqual(expected);
    });

    it('compares meta.lastModified against a user’s own timestamp exactly', async () => {
      const alice = byName.get(ALICE);
      if (!alice) throw new Error('alice was not created');
      const at = alice.meta.lastModified;
      const after = await users.userNamesMatching(`meta.lastModified gt "${at}"`);
      const atOrAfter = await users.userNamesMatching(`meta.lastModified ge "${at}"`);
      const atOrBefore = await users.userNamesMatching(`meta.lastModified le "${at}"`);
      expect(after).not.toContain(ALICE);
      expect(atOrAfter).toContain(ALICE);
      expect(atOrBefore).toContain(ALICE);
      expect(
        await users.userNamesMatching(`meta.lastModified eq "${at}" and userName eq "${ALICE}"`),
      ).toEqual([ALICE]);
      expect([...new Set([...after, ...atOrBefore])].sort()).toEqual([ALICE, BOB, CAROL, DAVE]);
    });

    it.each([
      'favouriteColour eq "blue"',
      'name.shoeSize eq "38"',
      'urn:ietf:params:scim:schemas:extension:acme:2.0:User:badge eq "7"',
    ])('answers 400 invalidFilter for an unknown attribute: %s', async (filter) => {
      await expectScimError(await users.query({ filter }), 400, 'invalidFilter');
    });

    it.each([
      'userName eq',
      'userName eq "alice@contoso.example" and',
      '(userName eq "alice@contoso.example"',
      'userName xx "alice"',
      'userName eq "unterminated',
      'emails[type eq "work"',
      'and',
      'userName eq and',
      'userName eq pr',
      'userName eq alice@contoso.example)',
      'userName eq alice @contoso.example',
      'userName eq (alice)',
      'displayName eq 01',
      'active eq yes',
      'meta.created gt yesterday',
    ])('answers 400 invalidFilter for a malformed filter: %s', async (filter) => {
      await expectScimError(await users.query({ filter }), 400, 'invalidFilter');
    });
  });
});
