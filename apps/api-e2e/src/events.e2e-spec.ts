import type { CreatedApiKeyView, EventListView, EventView } from '@rollcall/contracts';
import { AdminClient } from './support/admin-client';
import { ScimGroups } from './support/scim-groups.client';
import { aRemoveMembersPatch, aScimGroup, anAddMembersPatch } from './support/scim-group.builder';
import { aPatch, aScimUser, unique } from './support/scim-user.builder';
import { TestApi, type TestOrganization } from './support/test-api';
import { testDialect } from './support/test-database';

jest.setTimeout(120_000);

const ROLLCALL_URN = 'urn:ietf:params:scim:schemas:extension:rollcall:2.0:User';
const ENTERPRISE_URN = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

describe(`directory events on ${testDialect()}`, () => {
  let api: TestApi;
  let org: TestOrganization;
  let groups: ScimGroups;
  let admin: AdminClient;
  let scimActor: string;
  let readKey: string;

  /** Every event of the organization after `after`, read with an API key page by page. */
  async function eventsAfter(after = '0', key = readKey, limit = 7): Promise<EventView[]> {
    const all: EventView[] = [];
    let cursor = after;
    for (;;) {
      const response = await fetch(`${api.baseUrl}/api/events?after=${cursor}&limit=${limit}`, {
        headers: { Authorization: `Bearer ${key}` },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
      const page = (await response.json()) as EventListView;
      all.push(...page.data);
      if (page.data.length < limit) {
        expect(page.nextCursor).toBe(String(all.at(-1)?.sequence ?? cursor));
        return all;
      }
      cursor = page.nextCursor;
    }
  }

  async function lastCursor(): Promise<string> {
    const events = await eventsAfter('0', readKey, 500);
    return String(events.at(-1)?.sequence ?? 0);
  }

  const summary = (events: EventView[]) =>
    events.map((e) => `${e.type} ${e.actor === scimActor ? 'scim' : e.actor}`);

  beforeAll(async () => {
    api = await TestApi.start({ SCIM_RATE_LIMIT_PER_SECOND: '0' });
    org = await api.createOrganization('Events Org');
    groups = new ScimGroups(api, org.scimToken);
    admin = await AdminClient.signIn(api, org);
    scimActor = `scim:${org.scimToken.slice(0, 12)}`;
    const key = await admin.json<CreatedApiKeyView>(
      admin.request('POST', '/api/api-keys', { name: 'events-reader', scope: 'read' }),
      201,
    );
    readKey = key.key;
  });

  afterAll(async () => {
    await api?.stop();
  });

  it('tells a user’s lifecycle as Entra drives it, in order, with what changed', async () => {
    const start = await lastCursor();
    const userName = `${unique('ada')}@contoso.example`;
    const user = await groups.users.create(aScimUser({ userName, title: 'Engineer' }));
    await groups.users.patched(
      user.id,
      aPatch(
        { op: 'Replace', path: 'title', value: 'Staff Engineer' },
        { op: 'Add', path: `${ENTERPRISE_URN}:department`, value: 'R&D' },
      ),
    );
    // Nothing changes: nothing is told.
    await groups.users.patched(
      user.id,
      aPatch({ op: 'Replace', path: 'title', value: 'Staff Engineer' }),
    );
    await groups.users.patched(user.id, aPatch({ op: 'Replace', path: 'active', value: 'False' }));
    await groups.users.patched(user.id, aPatch({ op: 'replace', value: { active: true } }));
    expect((await groups.users.delete(user.id)).status).toBe(204);

    const events = await eventsAfter(start);
    expect(summary(events)).toEqual([
      'user.created scim',
      'user.updated scim',
      'user.deactivated scim',
      'user.reactivated scim',
      'user.deleted scim',
    ]);
    expect(events.map((e) => e.sequence)).toEqual(events.map((_, i) => Number(start) + i + 1));
    const [created, updated, deactivated] = events;
    expect(created?.data['user']).toMatchObject({
      id: user.id,
      userName,
      active: true,
      source: 'scim',
      scim: expect.objectContaining({ userName, title: 'Engineer' }),
    });
    expect(updated?.data['changed']).toEqual(['title', `${ENTERPRISE_URN}:department`]);
    expect(updated?.data['user']).toMatchObject({
      scim: expect.objectContaining({ title: 'Staff Engineer' }),
    });
    expect(deactivated?.data['user']).toMatchObject({ id: user.id, active: false });
    expect(created?.id).toMatch(/^evt_[0-9a-f]{32}$/);
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    for (const event of events) expect(Date.parse(event.createdAt)).not.toBeNaN();
  });

  it('tells one event per member that really joined or left, and nothing for Entra’s retries', async () => {
    const start = await lastCursor();
    const [a, b, c] = await groups.createUsers(3);
    const group = await groups.create(aScimGroup({ members: [{ value: a }] }));
    await groups.patched(group.id, anAddMembersPatch([a ?? '', b ?? '', c ?? '']));
    // Entra retries: an add of members that are in, a remove of one that is gone.
    await groups.patched(group.id, anAddMembersPatch([b ?? '']));
    await groups.patched(group.id, aRemoveMembersPatch([c ?? '']));
    await groups.patched(group.id, aRemoveMembersPatch([c ?? '']));
    await groups.patched(
      group.id,
      aPatch({ op: 'Replace', path: 'displayName', value: `${group.displayName} (renamed)` }),
    );

    const events = (await eventsAfter(start)).filter((e) => e.type.startsWith('team.'));
    const members = (e: EventView) => (e.data['user'] as { id: string } | undefined)?.id ?? '-';
    const told = events.map((e) => `${e.type} ${members(e)}`);
    expect(told).toHaveLength(6);
    expect(told.slice(0, 2)).toEqual(['team.created -', `team.member_added ${a}`]);
    // b and c join in one batch; within it their order is the batch's.
    expect(told.slice(2, 4).sort()).toEqual(
      [`team.member_added ${b}`, `team.member_added ${c}`].sort(),
    );
    expect(told.slice(4)).toEqual([`team.member_removed ${c}`, 'team.updated -']);
    expect(events[4]?.data).toMatchObject({
      team: { id: group.id, displayName: group.displayName },
      user: { id: c, userName: expect.any(String) },
    });
    expect(events[5]?.data['changed']).toEqual(['displayName']);
    expect(events.every((e) => e.actor === scimActor)).toBe(true);
  });

  it('writes a 500-member PATCH’s 500 events with it, and none for a PATCH that failed', async () => {
    const users = await groups.createUsers(500, 50);
    const group = await groups.create(aScimGroup());
    const start = await lastCursor();
    // An unknown member fails the whole PATCH: nothing is added, nothing is told.
    const refused = await groups.patch(
      group.id,
      anAddMembersPatch([...users.slice(0, 10), 'not-a-user']),
    );
    expect(refused.status).toBe(400);
    expect(await eventsAfter(start)).toEqual([]);
    // A taken userName is refused by the unique index: no event either.
    const taken = await groups.users.post(
      aScimUser({ userName: (await groups.users.get(users[0] ?? '')).userName }),
    );
    expect(taken.status).toBe(409);
    expect(await eventsAfter(start)).toEqual([]);

    await groups.patched(group.id, anAddMembersPatch(users));
    const events = await eventsAfter(start, readKey, 500);
    expect(events).toHaveLength(500);
    expect(new Set(events.map((e) => (e.data['user'] as { id: string }).id))).toEqual(
      new Set(users),
    );
    expect(events.every((e) => e.type === 'team.member_added')).toBe(true);
  });

  it('tells role changes from roleName, from a mapped group’s members and from the mapping itself', async () => {
    const start = await lastCursor();
    const teamName = unique('Responders');
    const member = await groups.users.create(aScimUser());
    const group = await groups.create(
      aScimGroup({ displayName: teamName, members: [{ value: member.id }] }),
    );
    // The mapping moves the existing member's role.
    await admin.json(
      admin.request('PUT', '/api/group-role-mappings', { groupName: teamName, role: 'responder' }),
      200,
    );
    // A new member of the mapped group gets it too.
    const joiner = await groups.users.create(aScimUser());
    await groups.patched(group.id, anAddMembersPatch([joiner.id]));
    // An explicit roleName wins over the mapping.
    await groups.users.patched(
      joiner.id,
      aPatch({ op: 'Add', path: `${ROLLCALL_URN}:roleName`, value: 'admin' }),
    );
    // Leaving the mapped group drops back to the default.
    await groups.patched(group.id, aRemoveMembersPatch([member.id]));

    const roleEvents = (await eventsAfter(start)).filter((e) => e.type === 'user.role_changed');
    expect(
      roleEvents.map((e) => [
        (e.data['user'] as { id: string }).id,
        (e.data['previousRole'] as { role: string }).role,
        (e.data['role'] as { role: string; source: string }).role,
        (e.data['role'] as { source: string }).source,
        e.actor === scimActor ? 'scim' : e.actor,
      ]),
    ).toEqual([
      [member.id, 'member', 'responder', 'group', `admin:${org.adminEmail}`],
      [joiner.id, 'member', 'responder', 'group', 'scim'],
      [joiner.id, 'responder', 'admin', 'roleName', 'scim'],
      [member.id, 'responder', 'member', 'default', 'scim'],
    ]);
  });

  it('tells a deleted user’s memberships ending, then the deletion', async () => {
    const user = await groups.users.create(aScimUser());
    const first = await groups.create(aScimGroup({ members: [{ value: user.id }] }));
    const second = await groups.create(aScimGroup({ members: [{ value: user.id }] }));
    const start = await lastCursor();
    expect((await groups.users.delete(user.id)).status).toBe(204);
    const events = await eventsAfter(start);
    expect(
      events.map((e) => [e.type, (e.data['team'] as { id: string } | undefined)?.id ?? null]),
    ).toEqual(
      expect.arrayContaining([
        ['team.member_removed', first.id],
        ['team.member_removed', second.id],
      ]),
    );
    expect(events.map((e) => e.type)).toEqual([
      'team.member_removed',
      'team.member_removed',
      'user.deleted',
    ]);
  });

  it('tells a group deletion and its restore by an admin', async () => {
    const group = await groups.create(aScimGroup());
    const start = await lastCursor();
    expect((await groups.delete(group.id)).status).toBe(204);
    await admin.json(admin.request('POST', `/api/teams/${group.id}/restore`), 200);
    const events = await eventsAfter(start);
    expect(summary(events)).toEqual([
      'team.deletion_scheduled scim',
      `team.restored admin:${org.adminEmail}`,
    ]);
    expect(events[0]?.data).toMatchObject({
      team: { id: group.id },
      purgeAfter: expect.any(String),
      contents: { members: 0 },
    });
  });

  it('tells a purge now by an admin as team.purged with what the team held', async () => {
    const user = await groups.users.create(aScimUser());
    const group = await groups.create(aScimGroup({ members: [{ value: user.id }] }));
    expect((await groups.delete(group.id)).status).toBe(204);
    const start = await lastCursor();
    const purged = await admin.request('POST', `/api/teams/${group.id}/purge`);
    expect(purged.status).toBe(204);
    const events = await eventsAfter(start);
    expect(summary(events)).toEqual([`team.purged admin:${org.adminEmail}`]);
    expect(events[0]?.data).toMatchObject({ team: { id: group.id }, contents: { members: 1 } });
  });

  it('keeps organizations apart, filters by type, refuses bad cursors and types', async () => {
    const other = await api.createOrganization('Other Events Org');
    const otherGroups = new ScimGroups(api, other.scimToken);
    await otherGroups.users.create(aScimUser());
    const mine = await eventsAfter('0', readKey, 500);
    expect(mine.every((e) => e.actor !== `scim:${other.scimToken.slice(0, 12)}`)).toBe(true);

    const typed = await fetch(
      `${api.baseUrl}/api/events?types=user.created,user.deleted&limit=500`,
      {
        headers: { Authorization: `Bearer ${readKey}` },
      },
    );
    const page = (await typed.json()) as EventListView;
    expect(page.data.length).toBeGreaterThan(0);
    expect(new Set(page.data.map((e) => e.type))).toEqual(
      new Set(['user.created', 'user.deleted']),
    );

    for (const [query, code] of [
      ['after=abc', 'BAD_REQUEST'],
      ['after=-1', 'BAD_REQUEST'],
      ['types=user.created,user.exploded', 'EVENT_TYPE_UNKNOWN'],
      ['limit=0', 'BAD_REQUEST'],
      ['limit=501', 'BAD_REQUEST'],
    ] as const) {
      const response = await fetch(`${api.baseUrl}/api/events?${query}`, {
        headers: { Authorization: `Bearer ${readKey}` },
      });
      expect({ query, status: response.status }).toEqual({ query, status: 400 });
      expect(((await response.json()) as { code: string }).code).toBe(code);
    }
    const anonymous = await fetch(`${api.baseUrl}/api/events`);
    expect(anonymous.status).toBe(401);
  });

  it('lists admin actions, not provisioning, on the Activity feed', async () => {
    await admin.json(admin.request('POST', '/api/teams', { name: unique('Activity team') }), 201);
    const response = await admin.json<{ data: EventView[]; nextBefore: string | null }>(
      admin.get('/api/activity?limit=200'),
      200,
    );
    expect(response.data.length).toBeGreaterThan(0);
    expect(response.data.every((e) => /^(admin|api_key|system):|^cli$/.test(e.actor))).toBe(true);
    // The organization's first SCIM token was issued by its setup, a Rollcall job.
    expect(response.data.map((e) => `${e.type} ${e.actor}`)).toContain(
      'credential.created system:organization-setup',
    );
    expect(response.data[0]).toMatchObject({
      type: 'team.created',
      actor: `admin:${org.adminEmail}`,
    });
    const sequences = response.data.map((e) => e.sequence);
    expect([...sequences].sort((x, y) => y - x)).toEqual(sequences);
  });

  it('gives concurrent PATCHes of one group dense cursors and one event per change', async () => {
    const users = await groups.createUsers(24, 12);
    const group = await groups.create(aScimGroup());
    const start = await lastCursor();
    await Promise.all(users.map((id) => groups.patched(group.id, anAddMembersPatch([id]))));
    const events = await eventsAfter(start, readKey, 100);
    expect(events).toHaveLength(24);
    expect(events.map((e) => e.sequence)).toEqual(events.map((_, i) => Number(start) + i + 1));
    expect(new Set(events.map((e) => (e.data['user'] as { id: string }).id))).toEqual(
      new Set(users),
    );
  });
});
