import type {
  ProvisioningLogEntryView,
  ProvisioningLogPageView,
  ProvisioningLogSummaryView,
} from '@rollcall/contracts';
import { RecordProvisioningRequest } from '@rollcall/audit';
import { AdminClient, anonymous } from './support/admin-client';
import { aScimUser } from './support/scim-user.builder';
import { TestApi, type TestOrganization } from './support/test-api';

jest.setTimeout(60_000);

const GROUP_URN = 'urn:ietf:params:scim:schemas:core:2.0:Group';

describe('admin API: provisioning log', () => {
  let api: TestApi;
  let org: TestOrganization;
  let admin: AdminClient;

  const page = (query = '') =>
    admin.json<ProvisioningLogPageView>(admin.get(`/api/provisioning-log${query}`), 200);

  /** Every page of a query, following nextCursor. */
  async function allPages(query: string): Promise<ProvisioningLogEntryView[][]> {
    const pages: ProvisioningLogEntryView[][] = [];
    let cursor: string | null = null;
    do {
      const suffix: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const body = await page(`?${query}${suffix}`);
      pages.push(body.entries);
      cursor = body.nextCursor;
    } while (cursor && pages.length < 50);
    return pages;
  }

  beforeAll(async () => {
    api = await TestApi.start();
    org = await api.createOrganization('Log Org');
    admin = await AdminClient.signIn(api, org);
    // What Entra does on a first sync: look up, create, one conflict, one miss, one group.
    const userNames = ['ada@log.example', 'bob@log.example', 'cyd@log.example'];
    for (const userName of userNames) {
      const lookup = await api.scim(
        org.scimToken,
        'GET',
        `/Users?filter=${encodeURIComponent(`userName eq "${userName}"`)}`,
      );
      expect(lookup.status).toBe(200);
      expect(
        (await api.scim(org.scimToken, 'POST', '/Users', aScimUser({ userName }))).status,
      ).toBe(201);
    }
    expect(
      (await api.scim(org.scimToken, 'POST', '/Users', aScimUser({ userName: 'ada@log.example' })))
        .status,
    ).toBe(409);
    expect(
      (await api.scim(org.scimToken, 'GET', '/Users/00000000-0000-4000-8000-000000000000')).status,
    ).toBe(404);
    expect(
      (
        await api.scim(org.scimToken, 'POST', '/Groups', {
          schemas: [GROUP_URN],
          displayName: 'Log Group',
        })
      ).status,
    ).toBe(201);
    await api.app.get(RecordProvisioningRequest).flush();
  });

  afterAll(async () => {
    await api?.stop();
  });

  it('answers 401 without a session', async () => {
    await admin.error(anonymous(api, 'GET', '/api/provisioning-log'), 401, 'UNAUTHENTICATED');
    await admin.error(
      anonymous(api, 'GET', '/api/provisioning-log/summary'),
      401,
      'UNAUTHENTICATED',
    );
  });

  it('lists every SCIM request of the organization, newest first', async () => {
    const { entries, nextCursor } = await page();
    expect(nextCursor).toBeNull();
    expect(entries).toHaveLength(9);
    const times = entries.map((e) => Date.parse(e.at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(entries[0]).toEqual({
      id: expect.any(String),
      at: expect.any(String),
      method: 'POST',
      path: '/scim/v2/Groups',
      filter: null,
      status: 201,
      scimType: null,
      detail: null,
      resourceType: 'Group',
      resourceId: expect.any(String),
      durationMs: expect.any(Number),
      tokenPrefix: expect.stringMatching(/^rcs_/),
      requestId: expect.any(String),
      requestBody: expect.stringContaining('Log Group'),
    });
    expect(org.scimToken.startsWith(entries[0]?.tokenPrefix ?? '-')).toBe(true);
    const conflict = entries.find((e) => e.status === 409);
    expect(conflict).toMatchObject({
      method: 'POST',
      resourceType: 'User',
      scimType: 'uniqueness',
      detail: expect.any(String),
    });
    const lookup = entries.find((e) => e.method === 'GET' && e.filter !== null);
    expect(lookup?.filter).toMatch(/^userName eq "/);
    // Never the token itself.
    expect(JSON.stringify(entries)).not.toContain(org.scimToken);
  });

  it.each([
    ['status=failed', [404, 409]],
    ['status=409', [409]],
    ['status=404', [404]],
    ['status=succeeded', [200, 200, 200, 201, 201, 201, 201]],
    ['resourceType=Group', [201]],
    ['method=post', [201, 201, 201, 201, 409]],
    ['method=POST&status=failed', [409]],
    ['resourceType=User&status=succeeded', [200, 200, 200, 201, 201, 201]],
  ])('filters by %s', async (query, statuses) => {
    const { entries } = await page(`?${query}`);
    expect(entries.map((e) => e.status).sort()).toEqual(statuses);
  });

  it('filters by time', async () => {
    const future = new Date(Date.now() + 60_000).toISOString();
    const past = new Date(Date.now() - 3_600_000).toISOString();
    expect((await page(`?since=${future}`)).entries).toEqual([]);
    expect((await page(`?until=${past}`)).entries).toEqual([]);
    expect((await page(`?since=${past}&until=${future}`)).entries).toHaveLength(9);
  });

  it('pages with a cursor, without gaps or overlaps', async () => {
    const everything = (await page()).entries.map((e) => e.id);
    const pages = await allPages('limit=2');
    expect(pages.map((p) => p.length)).toEqual([2, 2, 2, 2, 1]);
    expect(pages.flat().map((e) => e.id)).toEqual(everything);

    const failed = await allPages('limit=1&status=failed');
    // The 404 came after the 409, so it is on the first page.
    expect(failed.map((p) => p.map((e) => e.status))).toEqual([[404], [409]]);
  });

  it.each([
    'status=broken',
    'status=99',
    'limit=0',
    'limit=201',
    'limit=ten',
    'resourceType=Team',
    'since=yesterday',
    'method=GET%20HTTP',
  ])('rejects %s with 400', async (query) => {
    await admin.error(admin.get(`/api/provisioning-log?${query}`), 400, 'BAD_REQUEST');
  });

  it('summarizes the last hours in counts for the quarantine-risk indicator', async () => {
    const summary = await admin.json<ProvisioningLogSummaryView>(
      admin.get('/api/provisioning-log/summary'),
      200,
    );
    expect(summary).toEqual({
      hours: 24,
      since: expect.any(String),
      total: 9,
      // The 409; the 404 answered a GET (matching), which Entra does not count as a failure.
      failed: 1,
      failureRatio: 1 / 9,
      lastRequestAt: expect.any(String),
      lastFailureAt: expect.any(String),
      byStatus: { '200': 3, '201': 4, '404': 1, '409': 1 },
    });
    const { entries } = await page();
    expect(summary.lastRequestAt).toBe(entries[0]?.at);
    expect(summary.lastFailureAt).toBe(entries.find((e) => e.status === 409)?.at);
    expect(Date.parse(summary.since)).toBeGreaterThan(Date.now() - 24 * 3_600_000 - 60_000);

    const hour = await admin.json<ProvisioningLogSummaryView>(
      admin.get('/api/provisioning-log/summary?hours=1'),
      200,
    );
    expect(hour.total).toBe(9);
    await admin.error(admin.get('/api/provisioning-log/summary?hours=0'), 400, 'BAD_REQUEST');
    await admin.error(admin.get('/api/provisioning-log/summary?hours=721'), 400, 'BAD_REQUEST');
  });

  it('keeps each organization to its own log', async () => {
    const other = await api.createOrganization('Other Log Org');
    const otherAdmin = await AdminClient.signIn(api, other);
    const empty = await otherAdmin.json<ProvisioningLogSummaryView>(
      otherAdmin.get('/api/provisioning-log/summary'),
      200,
    );
    expect(empty).toMatchObject({
      total: 0,
      failed: 0,
      failureRatio: 0,
      lastRequestAt: null,
      lastFailureAt: null,
      byStatus: {},
    });
    expect((await api.scim(other.scimToken, 'GET', '/Users/nope')).status).toBe(404);
    await api.app.get(RecordProvisioningRequest).flush();
    const theirs = await otherAdmin.json<ProvisioningLogPageView>(
      otherAdmin.get('/api/provisioning-log'),
      200,
    );
    expect(theirs.entries.map((e) => e.path)).toEqual(['/scim/v2/Users/nope']);
    // A cursor from another organization's page leaks nothing either.
    const mine = await page('?limit=1');
    const viaCursor = await otherAdmin.json<ProvisioningLogPageView>(
      otherAdmin.get(`/api/provisioning-log?cursor=${encodeURIComponent(mine.nextCursor ?? '')}`),
      200,
    );
    expect(viaCursor.entries).toEqual([]);
    expect((await page()).entries).toHaveLength(9);
  });
});

describe('admin API: provisioning log by user and team, as CSV', () => {
  let api: TestApi;
  let org: TestOrganization;
  let admin: AdminClient;
  let adaId: string;
  let teamId: string;
  let teamPatchStatus: number;

  const page = (query: string) =>
    admin.json<ProvisioningLogPageView>(admin.get(`/api/provisioning-log?${query}`), 200);
  const requests = async (query: string) =>
    (await page(query)).entries.map((e) => `${e.method} ${e.path} ${e.status}`);

  async function csv(query: string): Promise<{ response: Response; lines: string[] }> {
    const response = await admin.get(`/api/provisioning-log.csv?${query}`);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text.endsWith('\r\n')).toBe(true);
    return { response, lines: text.slice(0, -2).split('\r\n') };
  }

  beforeAll(async () => {
    api = await TestApi.start();
    org = await api.createOrganization('Log Filter Org');
    admin = await AdminClient.signIn(api, org);
    const scim = (method: string, path: string, body?: unknown) =>
      api.scim(org.scimToken, method, path, body);
    const lookup = `/Users?filter=${encodeURIComponent('userName eq "ada@filter.example"')}`;
    expect((await scim('GET', lookup)).status).toBe(200);
    const created = await scim(
      'POST',
      '/Users',
      aScimUser({ userName: 'ada@filter.example', externalId: 'ext-ada' }),
    );
    expect(created.status).toBe(201);
    adaId = ((await created.json()) as { id: string }).id;
    const deactivate = {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'Replace', path: 'active', value: 'False' }],
    };
    expect((await scim('PATCH', `/Users/${adaId}`, deactivate)).status).toBe(200);
    expect(
      (await scim('POST', '/Users', aScimUser({ userName: 'ada@filter.example' }))).status,
    ).toBe(409);
    expect(
      (await scim('POST', '/Users', aScimUser({ userName: 'bob@filter.example' }))).status,
    ).toBe(201);
    expect(
      (await scim('GET', `/Users?filter=${encodeURIComponent('=HYPERLINK("x")')}`)).status,
    ).toBe(400);
    const group = await scim('POST', '/Groups', {
      schemas: [GROUP_URN],
      displayName: 'Sales, "EMEA"',
      externalId: 'ext-sales',
    });
    expect(group.status).toBe(201);
    teamId = ((await group.json()) as { id: string }).id;
    const addAda = {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'Add', path: 'members', value: [{ value: adaId }] }],
    };
    teamPatchStatus = (await scim('PATCH', `/Groups/${teamId}`, addAda)).status;
    expect([200, 204]).toContain(teamPatchStatus);
    await api.app.get(RecordProvisioningRequest).flush();
  });

  afterAll(async () => {
    await api?.stop();
  });

  it.each([
    ['userName', 'user=ada@filter.example'],
    ['userName in another case', 'user=ADA@Filter.Example'],
  ])(
    'finds a user’s requests by %s: lookup, create, later PATCH, refused create',
    async (_by, query) => {
      expect(await requests(query)).toEqual([
        'POST /scim/v2/Users 409',
        `PATCH /scim/v2/Users/${adaId} 200`,
        'POST /scim/v2/Users 201',
        'GET /scim/v2/Users 200',
      ]);
    },
  );

  it('finds a user’s requests by externalId: the create that sent it and what followed', async () => {
    expect(await requests('user=ext-ada')).toEqual([
      `PATCH /scim/v2/Users/${adaId} 200`,
      'POST /scim/v2/Users 201',
    ]);
  });

  it('finds a user’s requests by id, and combines with the other filters', async () => {
    expect(await requests(`user=${adaId}`)).toEqual([
      `PATCH /scim/v2/Users/${adaId} 200`,
      'POST /scim/v2/Users 201',
    ]);
    expect(await requests('user=ada@filter.example&status=failed')).toEqual([
      'POST /scim/v2/Users 409',
    ]);
    expect(await requests('user=bob@filter.example&method=PATCH')).toEqual([]);
    // A LIKE wildcard is a literal character, not "any".
    expect(await requests('user=%25')).toEqual([]);
    expect(await requests('user=ada@filter.exampl_')).toEqual([]);
  });

  it('finds a team’s requests by displayName (any case) and by id', async () => {
    const expected = [
      `PATCH /scim/v2/Groups/${teamId} ${teamPatchStatus}`,
      'POST /scim/v2/Groups 201',
    ];
    expect(await requests(`team=${encodeURIComponent('sales, "emea"')}`)).toEqual(expected);
    expect(await requests('team=ext-sales')).toEqual(expected);
    expect(await requests(`team=${teamId}`)).toEqual(expected);
    // The member PATCH is the team's, not the member's.
    expect(await requests(`team=${teamId}&user=${adaId}`)).toEqual([]);
    expect(await requests('team=Marketing')).toEqual([]);
  });

  it('rejects a user or team term longer than 256 characters', async () => {
    await admin.error(
      admin.get(`/api/provisioning-log?user=${'a'.repeat(257)}`),
      400,
      'BAD_REQUEST',
    );
    await admin.error(
      admin.get(`/api/provisioning-log?team=${'a'.repeat(257)}`),
      400,
      'BAD_REQUEST',
    );
  });

  it('exports the filtered rows as CSV, newest first, with a header', async () => {
    const { response, lines } = await csv('user=ada@filter.example');
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="rollcall-provisioning-log-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(lines[0]).toBe(
      'time,method,path,filter,status,scimType,detail,resourceType,resourceId,durationMs,tokenPrefix,requestId',
    );
    const json = await page('user=ada@filter.example');
    expect(lines.slice(1).map((line) => line.split(',').slice(0, 3).join(' '))).toEqual(
      json.entries.map((e) => `${e.at} ${e.method} ${e.path}`),
    );
    expect(lines[4]).toContain(',"userName eq ""ada@filter.example""",200,');
    expect(lines.join('\n')).not.toContain(org.scimToken);
  });

  it('quotes, and defuses a formula that a client sent', async () => {
    const { lines } = await csv('status=400');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`,"'=HYPERLINK(""x"")",400,invalidFilter,`);
  });

  it('exports everything without a filter, and only a header when nothing matches', async () => {
    const { lines } = await csv('');
    expect(lines).toHaveLength(1 + 8);
    expect((await csv('user=nobody@filter.example')).lines).toHaveLength(1);
  });

  it('validates the CSV filters like the JSON ones and needs a session', async () => {
    await admin.error(admin.get('/api/provisioning-log.csv?status=broken'), 400, 'BAD_REQUEST');
    await admin.error(anonymous(api, 'GET', '/api/provisioning-log.csv'), 401, 'UNAUTHENTICATED');
  });
});
