import type { ActivityActorListView, ActivityListView, EventListView } from '@rollcall/contracts';
import { AdminClient, anonymous } from './support/admin-client';
import { aScimUser } from './support/scim-user.builder';
import { TestApi, type TestOrganization } from './support/test-api';

jest.setTimeout(60_000);

// The Activity feed's filters over real events: by actor (an admin, an API key), by event
// type, both together, and the list of actors the "Who" filter offers; and the address each
// action came from, which the feed shows and the Events API does not.
describe('admin API: activity filters', () => {
  let api: TestApi;
  let org: TestOrganization;
  let admin: AdminClient;
  let adminActor: string;

  const activity = async (query: string) =>
    (
      await admin.json<ActivityListView>(admin.get(`/api/activity?limit=200&${query}`), 200)
    ).data.map((e) => `${e.type} ${e.actor}`);

  beforeAll(async () => {
    api = await TestApi.start();
    org = await api.createOrganization('Activity Filter Org');
    admin = await AdminClient.signIn(api, org);
    adminActor = `admin:${org.adminEmail}`;
    // Through a proxy on loopback, which the API trusts (TRUST_PROXY's default): the client is
    // the address the proxy forwards.
    const byAdmin = await fetch(`${api.baseUrl}/api/teams`, {
      method: 'POST',
      headers: {
        Cookie: admin.cookie,
        'X-CSRF-Token': admin.csrfToken,
        'Content-Type': 'application/json',
        'X-Forwarded-For': '203.0.113.9',
      },
      body: JSON.stringify({ name: 'By admin' }),
    });
    expect(byAdmin.status).toBe(201);
    const { key } = await admin.json<{ key: string }>(
      admin.request('POST', '/api/api-keys', { name: 'robot', scope: 'read_write' }),
      201,
    );
    const byKey = await fetch(`${api.baseUrl}/api/teams`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${key}`,
        'Content-Type': 'application/json',
        'X-Forwarded-For': '198.51.100.20',
      },
      body: JSON.stringify({ name: 'By key' }),
    });
    expect(byKey.status).toBe(201);
    // Provisioning: an event, but never admin activity.
    expect((await api.scim(org.scimToken, 'POST', '/Users', aScimUser())).status).toBe(201);
  });

  afterAll(async () => {
    await api?.stop();
  });

  it('keeps one admin’s actions', async () => {
    expect(await activity(`actor=${encodeURIComponent(adminActor)}`)).toEqual([
      `api_key.created ${adminActor}`,
      `team.created ${adminActor}`,
    ]);
  });

  it('keeps one API key’s actions', async () => {
    expect(await activity('actor=api_key:robot')).toEqual(['team.created api_key:robot']);
  });

  it('keeps event types, alone and with an actor', async () => {
    expect(await activity('types=team.created')).toEqual([
      'team.created api_key:robot',
      `team.created ${adminActor}`,
    ]);
    expect(await activity('types=team.created,api_key.created&actor=api_key:robot')).toEqual([
      'team.created api_key:robot',
    ]);
    expect(await activity('types=user.created')).toEqual([]);
  });

  it('never lists provisioning, even when asked for its actor', async () => {
    const all = await activity('');
    expect(all.some((line) => line.includes(' scim:'))).toBe(false);
    expect(all).toContain('credential.created system:organization-setup');
    const events = await admin.json<EventListView>(
      admin.get('/api/events?types=user.created'),
      200,
    );
    const scimActor = events.data[0]?.actor ?? '';
    expect(scimActor).toMatch(/^scim:/);
    expect(await activity(`actor=${encodeURIComponent(scimActor)}`)).toEqual([]);
  });

  it('lists who appears on the feed, most recently active first', async () => {
    const { data } = await admin.json<ActivityActorListView>(
      admin.get('/api/activity/actors'),
      200,
    );
    expect(data).toEqual(['api_key:robot', adminActor, 'system:organization-setup']);
  });

  it('shows from which address each action came: forwarded, direct, or none for a job', async () => {
    const { data } = await admin.json<ActivityListView>(admin.get('/api/activity?limit=200'), 200);
    expect(data.map((e) => [`${e.type} ${e.actor}`, e.clientIp])).toEqual([
      ['team.created api_key:robot', '198.51.100.20'],
      // No proxy in front: the peer itself (IPv4, or IPv4-mapped IPv6).
      [`api_key.created ${adminActor}`, expect.stringMatching(/^(::ffff:)?127\.0\.0\.1$/)],
      [`team.created ${adminActor}`, '203.0.113.9'],
      // Made in-process at setup, as the CLI does: no request, no address.
      ['credential.created system:organization-setup', null],
    ]);
  });

  it('keeps the address out of the Events API', async () => {
    const response = await admin.get('/api/events?limit=500');
    const text = await response.text();
    expect(response.status).toBe(200);
    const { data } = JSON.parse(text) as EventListView;
    expect(data.map((e) => e.type)).toContain('team.created');
    expect(data.filter((e) => 'clientIp' in e)).toEqual([]);
    expect(text).not.toContain('203.0.113.9');
  });

  it('rejects an unknown type and needs a session', async () => {
    await admin.error(admin.get('/api/activity?types=team.exploded'), 400, 'EVENT_TYPE_UNKNOWN');
    await admin.error(anonymous(api, 'GET', '/api/activity/actors'), 401, 'UNAUTHENTICATED');
  });
});
