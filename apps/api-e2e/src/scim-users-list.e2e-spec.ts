import { TestApi } from './support/test-api';
import {
  LIST_RESPONSE_URN,
  SEARCH_REQUEST_URN,
  USER_URN,
  aScimUser,
  type ScimListResponse,
} from './support/scim-user.builder';
import { SCIM_JSON, ScimUsers, bodyOf, expectScimError } from './support/scim-users.client';

const NAMES = ['echo', 'alpha', 'delta', 'charlie', 'bravo'].map((n) => `${n}@contoso.example`);
const SORTED = [...NAMES].sort();

describe('SCIM /Users: listing (RFC 7644 §3.4.2.3–5, §3.4.3)', () => {
  let api: TestApi;
  let users: ScimUsers;

  beforeAll(async () => {
    api = await TestApi.start();
    users = await ScimUsers.forNewOrganization(api);
    for (const userName of NAMES) await users.create(aScimUser({ userName }));
  });

  afterAll(async () => {
    await api.stop();
  });

  const userNames = (page: ScimListResponse) => page.Resources.map((u) => u.userName);

  describe('paging (1-based startIndex, count)', () => {
    it('returns every user with the ListResponse envelope by default', async () => {
      const response = await users.query();
      const page = await bodyOf<ScimListResponse>(response, 200);
      expect(response.headers.get('content-type')).toMatch(SCIM_JSON);
      expect(page.schemas).toEqual([LIST_RESPONSE_URN]);
      expect(page.totalResults).toBe(5);
      expect(page.startIndex).toBe(1);
      expect(page.itemsPerPage).toBe(5);
      expect(userNames(page).sort()).toEqual(SORTED);
    });

    it('walks pages without overlap or gaps', async () => {
      const first = await users.list({ sortBy: 'userName', startIndex: 1, count: 2 });
      const second = await users.list({ sortBy: 'userName', startIndex: 3, count: 2 });
      const third = await users.list({ sortBy: 'userName', startIndex: 5, count: 2 });
      expect(
        [first, second, third].map((p) => [p.totalResults, p.startIndex, p.itemsPerPage]),
      ).toEqual([
        [5, 1, 2],
        [5, 3, 2],
        [5, 5, 1],
      ]);
      expect([...userNames(first), ...userNames(second), ...userNames(third)]).toEqual(SORTED);
    });

    it('walks pages without overlap or gaps when no sortBy is given (default order)', async () => {
      const all: string[] = [];
      for (let startIndex = 1; startIndex <= 5; startIndex += 2) {
        all.push(...userNames(await users.list({ startIndex, count: 2 })));
      }
      expect([...all].sort()).toEqual(SORTED);
      expect(new Set(all).size).toBe(5);
    });

    it('count=0 answers totalResults only', async () => {
      expect(await users.list({ count: 0 })).toEqual({
        schemas: [LIST_RESPONSE_URN],
        totalResults: 5,
        startIndex: 1,
        itemsPerPage: 0,
        Resources: [],
      });
    });

    it('count=0 with a filter counts the matches', async () => {
      const page = await users.list({ count: 0, filter: 'userName sw "a" or userName sw "b"' });
      expect([page.totalResults, page.Resources]).toEqual([2, []]);
    });

    it('startIndex beyond the total answers an empty page with the right totalResults', async () => {
      expect(await users.list({ startIndex: 6, count: 10 })).toEqual({
        schemas: [LIST_RESPONSE_URN],
        totalResults: 5,
        startIndex: 6,
        itemsPerPage: 0,
        Resources: [],
      });
    });

    it('reads startIndex below 1 as 1 (RFC 7644 §3.4.2.4)', async () => {
      const page = await users.list({ startIndex: 0, count: 1, sortBy: 'userName' });
      expect([page.startIndex, userNames(page)]).toEqual([1, [SORTED[0]]]);
    });

    it('answers 400 invalidValue for a count that is not a number', async () => {
      await expectScimError(await users.query({ count: 'ten' }), 400, 'invalidValue');
    });
  });

  describe('sortBy / sortOrder', () => {
    it('sorts by userName ascending', async () => {
      expect(userNames(await users.list({ sortBy: 'userName', sortOrder: 'ascending' }))).toEqual(
        SORTED,
      );
    });

    it('sorts by userName descending', async () => {
      expect(userNames(await users.list({ sortBy: 'userName', sortOrder: 'descending' }))).toEqual(
        [...SORTED].reverse(),
      );
    });

    it('accepts attribute names and sortOrder in any case', async () => {
      expect(userNames(await users.list({ sortBy: 'USERNAME', sortOrder: 'Descending' }))).toEqual(
        [...SORTED].reverse(),
      );
    });
  });

  describe('attributes / excludedAttributes (RFC 7644 §3.4.2.5)', () => {
    it('attributes=userName,emails returns those plus id and schemas', async () => {
      const page = await users.list({
        attributes: 'userName,emails',
        filter: `userName eq "${NAMES[0]}"`,
      });
      const [user] = page.Resources;
      expect(Object.keys(user ?? {}).sort()).toEqual(['emails', 'id', 'schemas', 'userName']);
      expect(user?.schemas).toContain(USER_URN);
      expect(user?.['emails']).toEqual([{ primary: true, type: 'work', value: NAMES[0] }]);
    });

    it('attributes with a sub-attribute returns only that sub-attribute', async () => {
      const page = await users.list({
        attributes: 'name.familyName',
        filter: `userName eq "${NAMES[0]}"`,
      });
      const [user] = page.Resources;
      expect(Object.keys(user ?? {}).sort()).toEqual(['id', 'name', 'schemas']);
      expect(user?.['name']).toEqual({ familyName: 'Lovelace' });
    });

    it('excludedAttributes=emails drops emails and keeps the rest, id and schemas included', async () => {
      const page = await users.list({
        excludedAttributes: 'emails,id,schemas',
        filter: `userName eq "${NAMES[0]}"`,
      });
      const [user] = page.Resources;
      expect(user).not.toHaveProperty('emails');
      expect(user).toEqual(
        expect.objectContaining({
          id: expect.any(String),
          schemas: [USER_URN],
          userName: NAMES[0],
          name: expect.any(Object),
          meta: expect.any(Object),
          active: true,
        }),
      );
    });

    it('applies to GET /Users/{id} too', async () => {
      const [one] = (await users.list({ filter: `userName eq "${NAMES[1]}"` })).Resources;
      const user = await users.get(one?.id ?? '', '?attributes=displayName');
      expect(Object.keys(user).sort()).toEqual(['displayName', 'id', 'schemas']);
    });
  });

  describe('POST /Users/.search (RFC 7644 §3.4.3)', () => {
    it('takes a SearchRequest body: filter, paging, sort and attributes', async () => {
      const response = await api.scim(users.token, 'POST', '/Users/.search', {
        schemas: [SEARCH_REQUEST_URN],
        filter: 'userName ew "@contoso.example" and not (userName sw "a")',
        startIndex: 2,
        count: 2,
        sortBy: 'userName',
        sortOrder: 'descending',
        attributes: ['userName'],
      });
      const page = await bodyOf<ScimListResponse>(response, 200);
      expect(response.headers.get('content-type')).toMatch(SCIM_JSON);
      expect(page).toEqual({
        schemas: [LIST_RESPONSE_URN],
        totalResults: 4,
        startIndex: 2,
        itemsPerPage: 2,
        Resources: [
          { schemas: [USER_URN], id: expect.any(String), userName: 'delta@contoso.example' },
          { schemas: [USER_URN], id: expect.any(String), userName: 'charlie@contoso.example' },
        ],
      });
    });

    it('answers 400 invalidFilter for a bad filter in the body', async () => {
      const response = await api.scim(users.token, 'POST', '/Users/.search', {
        schemas: [SEARCH_REQUEST_URN],
        filter: 'nickname zz "x"',
      });
      await expectScimError(response, 400, 'invalidFilter');
    });
  });

  describe('maximum page size (ServiceProviderConfig filter.maxResults)', () => {
    it('clamps a count above the maximum to filter.maxResults', async () => {
      const configResponse = await api.scim(undefined, 'GET', '/ServiceProviderConfig');
      const config = await bodyOf<{ filter: { supported: boolean; maxResults: number } }>(
        configResponse,
        200,
      );
      expect(config.filter.supported).toBe(true);
      const max = config.filter.maxResults;
      expect(max).toBeGreaterThan(0);

      const big = await ScimUsers.forNewOrganization(api, 'Big Org');
      const names = Array.from(
        { length: max + 1 },
        (_, i) => `bulk-${String(i).padStart(5, '0')}@contoso.example`,
      );
      for (let i = 0; i < names.length; i += 25) {
        await Promise.all(
          names.slice(i, i + 25).map((userName) => big.create({ schemas: [USER_URN], userName })),
        );
      }

      const page = await big.list({ count: max * 10, sortBy: 'userName' });
      expect([page.totalResults, page.itemsPerPage, page.Resources.length]).toEqual([
        max + 1,
        max,
        max,
      ]);
      expect(page.Resources.at(-1)?.userName).toBe(names[max - 1]);
      const rest = await big.list({ startIndex: max + 1, count: max * 10, sortBy: 'userName' });
      expect(rest.Resources.map((u) => u.userName)).toEqual([names[max]]);
    }, 180_000);
  });
});
