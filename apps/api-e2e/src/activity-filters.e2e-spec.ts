import type { ActivityActorListView, ActivityListView, EventListView } from '@rollcall/contracts';
import { AdminClient, anonymous } from './support/admin-client';
import { aScimUser } from './support/scim-user.builder';
import { TestApi, type TestOrganization } from './support/test-api';

jest.setTimeout(60_000);

// The Activity feed's filters over real events: by actor (an admin, an API key), by event
// type, both together, and the list of actors the "Who" filter offers.
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
    await admin.json(admin.request('POST', '/api/teams', { name: 'By admin' }), 201);
    const { key } = await admin.json<{ key: string }>(
      admin.request('POST', '/api/api-keys', { name: 'robot', scope: 'read_write' }),
      201,
    );
    const byKey = await fetch(`${api.baseUrl}/api/teams`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
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

  it('rejects an unknown type and needs a session', async () => {
    await admin.error(admin.get('/api/activity?types=team.exploded'), 400, 'EVENT_TYPE_UNKNOWN');
    await admin.error(anonymous(api, 'GET', '/api/activity/actors'), 401, 'UNAUTHENTICATED');
  });
});
