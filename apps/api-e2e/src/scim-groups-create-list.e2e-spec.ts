import { randomUUID } from 'node:crypto';
import { TestApi } from './support/test-api';
import {
  GROUP_URN,
  PUBLIC_URL,
  SCIM_BASE_URL,
  aScimGroup,
  memberValues,
  type ScimGroupListResponse,
  type ScimGroupResource,
} from './support/scim-group.builder';
import { ScimGroups } from './support/scim-groups.client';
import { LIST_RESPONSE_URN, SEARCH_REQUEST_URN, unique } from './support/scim-user.builder';
import { SCIM_JSON, bodyOf, expectScimError } from './support/scim-users.client';

describe('SCIM /Groups: create, read, filter, project, page, sort', () => {
  let api: TestApi;
  let groups: ScimGroups;
  let other: ScimGroups;

  beforeAll(async () => {
    api = await TestApi.start({ PUBLIC_URL });
    groups = new ScimGroups(api, (await api.createOrganization('Contoso')).scimToken);
    other = new ScimGroups(api, (await api.createOrganization('Fabrikam')).scimToken);
  });

  afterAll(async () => {
    await api.stop();
  });

  describe('POST /Groups', () => {
    it('creates the group Entra sends (extra ADSCIM schema URN, empty members) and GETs it back', async () => {
      const body = aScimGroup({ displayName: 'On-call Engineers', externalId: 'entra-oncall' });
      const response = await groups.post(body);
      const created = await bodyOf<ScimGroupResource>(response, 201);

      expect(response.headers.get('content-type')).toMatch(SCIM_JSON);
      expect(created).toEqual({
        schemas: [GROUP_URN],
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        externalId: 'entra-oncall',
        displayName: 'On-call Engineers',
        members: [],
        meta: {
          resourceType: 'Group',
          created: expect.any(String),
          lastModified: expect.any(String),
          location: `${SCIM_BASE_URL}/Groups/${created.id}`,
          version: expect.stringMatching(/^W\/".+"$/),
        },
      });
      expect(created.meta.lastModified).toBe(created.meta.created);
      expect(response.headers.get('location')).toBe(created.meta.location);
      expect(response.headers.get('etag')).toBe(created.meta.version);

      const read = await groups.fetch(created.id);
      expect(read.headers.get('content-type')).toMatch(SCIM_JSON);
      expect(read.headers.get('etag')).toBe(created.meta.version);
      expect(await bodyOf<ScimGroupResource>(read, 200)).toEqual(created);
    });

    it('creates a group with its first members and lists them with display and type', async () => {
      const alice = await groups.createUser();
      const bob = await groups.createUser();
      const created = await groups.create(
        aScimGroup({ members: memberValues([alice, bob, alice]) }),
      );
      const fetched = await groups.get(created.id);
      expect(fetched.members).toHaveLength(2);
      expect([...(fetched.members ?? [])].sort((a, b) => a.value.localeCompare(b.value))).toEqual(
        [alice, bob].sort().map((value) => ({
          value,
          $ref: `${SCIM_BASE_URL}/Users/${value}`,
          display: 'Ada Lovelace',
          type: 'User',
        })),
      );
      expect(created.members).toEqual(expect.arrayContaining(fetched.members ?? []));
      expect(created.members).toHaveLength(2);
    });

    it('answers 409 uniqueness for a displayName that exists in another case', async () => {
      const name = unique('Site Reliability ');
      const first = await groups.create(aScimGroup({ displayName: name }));
      const error = await expectScimError(
        await groups.post(aScimGroup({ displayName: name.toUpperCase() })),
        409,
        'uniqueness',
      );
      expect(error.detail).toContain(name.toUpperCase());
      expect(await groups.idsMatching(`displayName eq "${name}"`)).toEqual([first.id]);
    });

    it('lets two organizations use the same displayName', async () => {
      const name = unique('Shared ');
      await groups.create(aScimGroup({ displayName: name }));
      expect((await other.create(aScimGroup({ displayName: name }))).displayName).toBe(name);
    });

    it.each([
      ['missing', undefined],
      ['empty', ''],
      ['blank', '   '],
      ['not a string', 42],
    ])('answers 400 invalidValue when displayName is %s', async (_case, displayName) => {
      const externalId = unique('no-name-');
      await expectScimError(
        await groups.post(aScimGroup({ displayName, externalId })),
        400,
        'invalidValue',
      );
      expect(await groups.idsMatching(`externalId eq "${externalId}"`)).toEqual([]);
    });

    it('answers 400 invalidValue for a member of another organization or an unknown id, creating nothing', async () => {
      const mine = await groups.createUser();
      const theirs = await other.createUser();
      for (const stranger of [theirs, randomUUID(), 'not-a-uuid']) {
        const name = unique('Rejected ');
        const error = await expectScimError(
          await groups.post(
            aScimGroup({ displayName: name, members: memberValues([mine, stranger]) }),
          ),
          400,
          'invalidValue',
        );
        expect(error.detail).toContain(stranger);
        expect(await groups.idsMatching(`displayName eq "${name}"`)).toEqual([]);
      }
      expect(await groups.users.get(mine, '?attributes=groups')).not.toHaveProperty('groups');
    });
  });

  describe('GET /Groups/{id}', () => {
    it('answers 404 as a SCIM error for an unknown id', async () => {
      const error = await expectScimError(await groups.fetch(randomUUID()), 404);
      expect(error.detail).toMatch(/not found/i);
    });

    it('projects with attributes and excludedAttributes', async () => {
      const member = await groups.createUser();
      const group = await groups.create(aScimGroup({ members: memberValues([member]) }));

      expect(await groups.get(group.id, '?attributes=displayName')).toEqual({
        schemas: [GROUP_URN],
        id: group.id,
        displayName: group.displayName,
      });
      const withoutMembers = await groups.get(group.id, '?excludedAttributes=members');
      expect(withoutMembers).not.toHaveProperty('members');
      const { members: _members, ...head } = group;
      expect(withoutMembers).toEqual(head);
      expect((await groups.get(group.id, '?attributes=members')).members).toEqual(group.members);
    });
  });

  describe('GET /Groups with filters (evaluated in SQL)', () => {
    let alpha: ScimGroupResource;
    let beta: ScimGroupResource;
    let gamma: ScimGroupResource;
    let ann: string;
    let ben: string;
    const tag = unique('f');

    beforeAll(async () => {
      [ann, ben] = (await groups.createUsers(2)) as [string, string];
      alpha = await groups.create(
        aScimGroup({
          displayName: `Alpha ${tag}`,
          externalId: `ext-alpha-${tag}`,
          members: memberValues([ann]),
        }),
      );
      beta = await groups.create(
        aScimGroup({
          displayName: `Beta ${tag}`,
          externalId: `ext-beta-${tag}`,
          members: memberValues([ann, ben]),
        }),
      );
      gamma = await groups.create(
        aScimGroup({ displayName: `Gamma ${tag}`, externalId: `ext-gamma-${tag}` }),
      );
    });

    it('matches displayName eq case-insensitively, as Entra matches groups', async () => {
      const page = await groups.list({
        filter: `displayName eq "ALPHA ${tag.toUpperCase()}"`,
        excludedAttributes: 'members',
      });
      expect(page).toEqual({
        schemas: [LIST_RESPONSE_URN],
        totalResults: 1,
        startIndex: 1,
        itemsPerPage: 1,
        Resources: [
          {
            schemas: [GROUP_URN],
            id: alpha.id,
            externalId: alpha.externalId,
            displayName: alpha.displayName,
            meta: alpha.meta,
          },
        ],
      });
    });

    it('answers an empty ListResponse when nothing matches', async () => {
      expect(await groups.list({ filter: `displayName eq "nobody ${tag}"` })).toEqual({
        schemas: [LIST_RESPONSE_URN],
        totalResults: 0,
        startIndex: 1,
        itemsPerPage: 0,
        Resources: [],
      });
    });

    it.each([
      ['externalId eq', () => `externalId eq "ext-beta-${tag}"`, () => [beta.id]],
      ['id eq', () => `id eq "${gamma.id}"`, () => [gamma.id]],
      ['members[value eq]', () => `members[value eq "${ann}"]`, () => [alpha.id, beta.id]],
      ['members[value eq] of another', () => `members[value eq "${ben}"]`, () => [beta.id]],
      ['and', () => `members[value eq "${ann}"] and displayName eq "beta ${tag}"`, () => [beta.id]],
      [
        'or',
        () => `externalId eq "ext-alpha-${tag}" or id eq "${gamma.id}"`,
        () => [alpha.id, gamma.id],
      ],
      [
        'and inside or, with parentheses',
        () =>
          `(displayName eq "Gamma ${tag}" and externalId eq "ext-gamma-${tag}") or members[value eq "${ben}"]`,
        () => [beta.id, gamma.id],
      ],
      ['displayName sw', () => `displayName sw "alpha ${tag}"`, () => [alpha.id]],
      // Okta and Microsoft's reference server leave strings unquoted.
      ['unquoted externalId eq', () => `externalId eq ext-beta-${tag}`, () => [beta.id]],
      ['unquoted id eq', () => `id eq ${gamma.id}`, () => [gamma.id]],
      ['unquoted members[value eq]', () => `members[value eq ${ben}]`, () => [beta.id]],
      [
        'unquoted values inside and/or',
        () => `(displayName sw Gamma and externalId ew ${tag}) or members[value eq ${ben}]`,
        () => [beta.id, gamma.id],
      ],
    ])('filters by %s', async (_name, filter, expected) => {
      expect(await groups.idsMatching(filter())).toEqual([...expected()].sort());
    });

    it('answers 400 invalidFilter for an unknown attribute', async () => {
      await expectScimError(
        await groups.query({ filter: 'nickName eq "x"' }),
        400,
        'invalidFilter',
      );
    });

    it.each(['displayName eq or', `displayName eq Beta ${tag}`, 'members[value eq ]'])(
      'answers 400 invalidFilter for a malformed unquoted value: %s',
      async (filter) => {
        await expectScimError(await groups.query({ filter }), 400, 'invalidFilter');
      },
    );

    it('lists members unless excluded, and never another organization’s groups', async () => {
      const page = await groups.list({ filter: `displayName eq "Beta ${tag}"` });
      expect(page.Resources[0]?.members?.map((m) => m.value).sort()).toEqual([ann, ben].sort());
      const excluded = await groups.list({
        filter: `displayName eq "Beta ${tag}"`,
        excludedAttributes: 'members',
      });
      expect(excluded.Resources[0]).not.toHaveProperty('members');
      const onlyName = await groups.list({
        filter: `displayName eq "Beta ${tag}"`,
        attributes: 'displayName',
      });
      expect(onlyName.Resources).toEqual([
        { schemas: [GROUP_URN], id: beta.id, displayName: beta.displayName },
      ]);
      expect(await other.idsMatching(`displayName eq "Beta ${tag}"`)).toEqual([]);
      expect(await other.idsMatching(`id eq "${beta.id}"`)).toEqual([]);
    });

    it('accepts the same query as a POST /Groups/.search SearchRequest', async () => {
      const response = await api.scim(groups.token, 'POST', '/Groups/.search', {
        schemas: [SEARCH_REQUEST_URN],
        filter: `members[value eq "${ann}"]`,
        excludedAttributes: ['members'],
        sortBy: 'displayName',
        sortOrder: 'descending',
      });
      const page = await bodyOf<ScimGroupListResponse>(response, 200);
      expect(page.Resources.map((g) => g.id)).toEqual([beta.id, alpha.id]);
      expect(page.Resources.every((g) => !('members' in g))).toBe(true);
    });
  });

  describe('pagination and sorting', () => {
    let sorted: ScimGroupResource[];
    let org: ScimGroups;

    beforeAll(async () => {
      org = new ScimGroups(api, (await api.createOrganization('Paged')).scimToken);
      const names = ['delta', 'Alpha', 'charlie', 'Echo', 'bravo'];
      const created: ScimGroupResource[] = [];
      for (const displayName of names) created.push(await org.create(aScimGroup({ displayName })));
      sorted = [...created].sort((a, b) =>
        a.displayName.toLowerCase().localeCompare(b.displayName.toLowerCase()),
      );
    });

    it('sorts by displayName ascending and descending', async () => {
      const ascending = await org.list({ sortBy: 'displayName', excludedAttributes: 'members' });
      expect(ascending.Resources.map((g) => g.displayName)).toEqual(
        sorted.map((g) => g.displayName),
      );
      const descending = await org.list({
        sortBy: 'displayName',
        sortOrder: 'descending',
        excludedAttributes: 'members',
      });
      expect(descending.Resources.map((g) => g.displayName)).toEqual(
        sorted.map((g) => g.displayName).reverse(),
      );
    });

    it('pages with startIndex and count (RFC 7644 §3.4.2.4)', async () => {
      const seen: string[] = [];
      for (const startIndex of [1, 3, 5]) {
        const page = await org.list({ sortBy: 'displayName', startIndex, count: 2 });
        expect(page.totalResults).toBe(5);
        expect(page.startIndex).toBe(startIndex);
        expect(page.itemsPerPage).toBe(page.Resources.length);
        expect(page.Resources.length).toBe(startIndex === 5 ? 1 : 2);
        seen.push(...page.Resources.map((g) => g.id));
      }
      expect(seen).toEqual(sorted.map((g) => g.id));
      const beyond = await org.list({ startIndex: 6, count: 2 });
      expect(beyond).toMatchObject({
        totalResults: 5,
        startIndex: 6,
        itemsPerPage: 0,
        Resources: [],
      });
      const totals = await org.list({ count: 0 });
      expect(totals).toMatchObject({ totalResults: 5, itemsPerPage: 0, Resources: [] });
    });
  });
});
