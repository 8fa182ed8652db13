import type { ProvisioningHealthView } from '@rollcall/contracts';
import { RecordProvisioningRequest, type ProvisioningRequest } from '@rollcall/audit';
import { AdminClient, anonymous } from './support/admin-client';
import { aScimUser } from './support/scim-user.builder';
import { TestApi, type TestOrganization } from './support/test-api';

jest.setTimeout(60_000);

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const MISSING = '00000000-0000-4000-8000-000000000000';
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

describe('admin API: provisioning health', () => {
  let api: TestApi;
  let org: TestOrganization;
  let admin: AdminClient;
  let hourStart: number;
  let dayStart: number;

  const health = (range?: string) =>
    admin.json<ProvisioningHealthView>(
      admin.get(`/api/provisioning-log/health${range ? `?range=${range}` : ''}`),
      200,
    );

  /** A logged request at a known time, as the SCIM edge records it. */
  function record(at: number, overrides: Partial<ProvisioningRequest> = {}): void {
    api.app.get(RecordProvisioningRequest).execute({
      organizationId: org.orgId,
      tokenPrefix: null,
      requestId: null,
      method: 'GET',
      path: '/scim/v2/Users',
      filter: null,
      status: 200,
      scimType: null,
      detail: null,
      resourceType: 'User',
      resourceId: null,
      durationMs: 1,
      requestBody: null,
      at: new Date(at),
      ...overrides,
    });
  }

  beforeAll(async () => {
    api = await TestApi.start();
    org = await api.createOrganization('Health Org');
    admin = await AdminClient.signIn(api, org);
    // Real traffic, this hour: 2 creates, a refused create, a 404 read (matching: not a
    // failure) and a 404 PATCH (a failed operation).
    const scim = (method: string, path: string, body?: unknown) =>
      api.scim(org.scimToken, method, path, body);
    expect((await scim('POST', '/Users', aScimUser({ userName: 'a@health.example' }))).status).toBe(
      201,
    );
    expect((await scim('POST', '/Users', aScimUser({ userName: 'b@health.example' }))).status).toBe(
      201,
    );
    expect((await scim('POST', '/Users', aScimUser({ userName: 'a@health.example' }))).status).toBe(
      409,
    );
    expect((await scim('GET', `/Users/${MISSING}`)).status).toBe(404);
    const deactivate = {
      schemas: [PATCH_OP],
      Operations: [{ op: 'Replace', path: 'active', value: false }],
    };
    expect((await scim('PATCH', `/Users/${MISSING}`, deactivate)).status).toBe(404);

    const now = Date.now();
    hourStart = Math.floor(now / HOUR) * HOUR;
    dayStart = Math.floor(now / DAY) * DAY;
    // Rows at known times around bucket boundaries.
    record(hourStart - 1); // the previous hour's last millisecond
    record(hourStart - 1, { status: 500 });
    record(hourStart - 2 * HOUR, { status: 429, method: 'PATCH' });
    record(hourStart - 23 * HOUR); // the oldest hour's first millisecond
    record(hourStart - 23 * HOUR - 1, { status: 500 }); // before the 24 h window
    record(dayStart - 29 * DAY); // the oldest day's first millisecond
    record(dayStart - 29 * DAY - 1, { status: 500 }); // before the 30 day window
    await api.app.get(RecordProvisioningRequest).flush();
  });

  afterAll(async () => {
    await api?.stop();
  });

  const iso = (ms: number) => new Date(ms).toISOString();

  it('answers 24 zero-filled UTC hour buckets, oldest first, with Entra’s failure rule', async () => {
    const body = await health('24h');
    expect(body).toMatchObject({
      range: '24h',
      bucket: 'hour',
      since: iso(hourStart - 23 * HOUR),
      quarantineThreshold: 0.4,
    });
    expect(body.buckets).toHaveLength(24);
    expect(body.buckets.map((b) => b.start)).toEqual(
      Array.from({ length: 24 }, (_, i) => iso(hourStart - (23 - i) * HOUR)),
    );
    const at = (start: number) => body.buckets.find((b) => b.start === iso(start));
    expect(at(hourStart)).toEqual({
      start: iso(hourStart),
      requests: 5,
      failures: 2,
      failureRatio: 0.4,
    });
    expect(at(hourStart - HOUR)).toEqual({
      start: iso(hourStart - HOUR),
      requests: 2,
      failures: 1,
      failureRatio: 0.5,
    });
    expect(at(hourStart - 2 * HOUR)).toMatchObject({ requests: 1, failures: 1, failureRatio: 1 });
    expect(at(hourStart - 23 * HOUR)).toMatchObject({ requests: 1, failures: 0, failureRatio: 0 });
    const empty = body.buckets.filter((b) => b.requests === 0);
    expect(empty).toHaveLength(20);
    expect(empty.every((b) => b.failures === 0 && b.failureRatio === 0)).toBe(true);
    expect(body.requests).toBe(9);
    expect(body.failures).toBe(4);
    expect(body.failureRatio).toBe(4 / 9);
    expect(body.topErrors).toEqual([
      { status: 404, scimType: null, count: 1 },
      { status: 409, scimType: 'uniqueness', count: 1 },
      { status: 429, scimType: null, count: 1 },
      { status: 500, scimType: null, count: 1 },
    ]);
  });

  it('is 24h by default', async () => {
    expect((await health()).range).toBe('24h');
  });

  it('answers 30 zero-filled UTC day buckets', async () => {
    const body = await health('30d');
    expect(body).toMatchObject({ range: '30d', bucket: 'day', since: iso(dayStart - 29 * DAY) });
    expect(body.buckets).toHaveLength(30);
    expect(body.buckets[0]).toMatchObject({
      start: iso(dayStart - 29 * DAY),
      requests: 1,
      failures: 0,
    });
    expect(body.buckets.at(-1)?.start).toBe(iso(dayStart));
    // Everything of the last 24 h plus the two rows before it that the 30 days include.
    expect(body.requests).toBe(11);
    expect(body.failures).toBe(5);
    expect(body.buckets.reduce((sum, b) => sum + b.requests, 0)).toBe(11);
  });

  it('is all zeros for an organization without requests', async () => {
    const other = await api.createOrganization('Quiet Health Org');
    const otherAdmin = await AdminClient.signIn(api, other);
    const body = await otherAdmin.json<ProvisioningHealthView>(
      otherAdmin.get('/api/provisioning-log/health?range=30d'),
      200,
    );
    expect(body.requests).toBe(0);
    expect(body.failureRatio).toBe(0);
    expect(body.topErrors).toEqual([]);
    expect(body.buckets.every((b) => b.requests === 0)).toBe(true);
  });

  it.each(['7d', '24H', '1h', ''])('rejects range=%j with 400', async (range) => {
    await admin.error(admin.get(`/api/provisioning-log/health?range=${range}`), 400, 'BAD_REQUEST');
  });

  it('needs a session', async () => {
    await admin.error(
      anonymous(api, 'GET', '/api/provisioning-log/health'),
      401,
      'UNAUTHENTICATED',
    );
  });
});
