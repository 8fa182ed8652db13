import type {
  OrganizationView,
  PendingTeamDeletionListView,
  TeamDeletionPreviewView,
  TeamDeletionView,
  TeamDetailView,
  TeamListView,
  TeamResourceListView,
  TeamResourceView,
  TeamSummaryView,
} from '@rollcall/contracts';
import { AdminClient, anonymous } from './support/admin-client';
import { PATCH_OP_URN, aScimUser } from './support/scim-user.builder';
import { TestApi, type TestOrganization } from './support/test-api';

jest.setTimeout(60_000);

const GROUP_URN = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const DAY_MS = 86_400_000;

describe('admin API: teams, resources, deletion and restore', () => {
  let api: TestApi;
  let org: TestOrganization;
  let admin: AdminClient;

  async function scimUser(userName: string): Promise<string> {
    const response = await api.scim(org.scimToken, 'POST', '/Users', aScimUser({ userName }));
    expect(response.status).toBe(201);
    return ((await response.json()) as { id: string }).id;
  }

  async function scimGroup(displayName: string, memberIds: string[]): Promise<string> {
    const response = await api.scim(org.scimToken, 'POST', '/Groups', {
      schemas: [GROUP_URN],
      displayName,
      externalId: `ext-${displayName}`,
      members: memberIds.map((value) => ({ value })),
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { id: string }).id;
  }

  const createTeam = (name: string) =>
    admin.json<TeamSummaryView>(admin.request('POST', '/api/teams', { name }), 201);

  const addResource = (teamId: string, kind: string, name: string) =>
    admin.json<TeamResourceView>(
      admin.request('POST', `/api/teams/${teamId}/resources`, { kind, name }),
      201,
    );

  const detail = (teamId: string) =>
    admin.json<TeamDetailView>(admin.get(`/api/teams/${teamId}`), 200);

  const pending = async () =>
    (await admin.json<PendingTeamDeletionListView>(admin.get('/api/teams/deleted'), 200)).teams;

  const setRetention = (days: number) =>
    admin.json<OrganizationView>(
      admin.request('PATCH', '/api/organization/settings', { deletedTeamRetentionDays: days }),
      200,
    );

  beforeAll(async () => {
    api = await TestApi.start();
    org = await api.createOrganization('Teams Org');
    admin = await AdminClient.signIn(api, org);
  });

  afterAll(async () => {
    await api?.stop();
  });

  it('answers 401 without a session, on reads and writes', async () => {
    for (const [method, path] of [
      ['GET', '/api/teams'],
      ['GET', '/api/teams/deleted'],
      ['POST', '/api/teams'],
      ['GET', '/api/teams/x'],
      ['DELETE', '/api/teams/x'],
      ['POST', '/api/teams/x/restore'],
      ['POST', '/api/teams/x/purge'],
      ['GET', '/api/teams/x/deletion-preview'],
      ['GET', '/api/teams/x/resources'],
      ['POST', '/api/teams/x/resources'],
      ['DELETE', '/api/teams/x/resources/y'],
    ] as const) {
      await admin.error(
        anonymous(api, method, path, method === 'POST' ? {} : undefined),
        401,
        'UNAUTHENTICATED',
      );
    }
  });

  it('refuses writes without the CSRF header', async () => {
    const team = await createTeam('Csrf Team');
    for (const [method, path, body] of [
      ['POST', '/api/teams', { name: 'Nope' }],
      ['POST', `/api/teams/${team.id}/resources`, { kind: 'monitor', name: 'm' }],
      ['DELETE', `/api/teams/${team.id}`, undefined],
      ['POST', `/api/teams/${team.id}/restore`, undefined],
      ['POST', `/api/teams/${team.id}/purge`, undefined],
    ] as const) {
      await admin.error(
        admin.request(method, path, body, { csrf: false }),
        403,
        'CSRF_TOKEN_INVALID',
      );
    }
    expect((await detail(team.id)).resources).toEqual([]);
  });

  it('creates manual teams with unique names, and lists and searches them', async () => {
    const team = await createTeam('  Platform  ');
    expect(team).toEqual({
      id: expect.any(String),
      name: 'Platform',
      source: 'manual',
      externalId: null,
      members: 0,
      resources: {},
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    await admin.error(
      admin.request('POST', '/api/teams', { name: 'PLATFORM' }),
      409,
      'TEAM_NAME_TAKEN',
    );
    for (const body of [
      {},
      { name: '' },
      { name: '   ' },
      { name: 5 },
      { name: 'x'.repeat(257) },
    ]) {
      await admin.error(admin.request('POST', '/api/teams', body), 400, 'BAD_REQUEST');
    }
    await createTeam('Payments');
    const all = (await admin.json<TeamListView>(admin.get('/api/teams'), 200)).teams;
    expect(all.map((t) => t.name)).toEqual(expect.arrayContaining(['Platform', 'Payments']));
    const found = (await admin.json<TeamListView>(admin.get('/api/teams?search=PLAT'), 200)).teams;
    expect(found.map((t) => t.name)).toEqual(['Platform']);
    const none = (await admin.json<TeamListView>(admin.get('/api/teams?search=%25'), 200)).teams;
    expect(none).toEqual([]);
  });

  it('gives a team resources of each kind, lists and deletes them', async () => {
    const team = await createTeam('Resourceful');
    const monitor = await addResource(team.id, 'monitor', ' API uptime ');
    expect(monitor).toEqual({
      id: expect.any(String),
      teamId: team.id,
      kind: 'monitor',
      name: 'API uptime',
      createdAt: expect.any(String),
    });
    await addResource(team.id, 'heartbeat', 'Nightly job');
    await addResource(team.id, 'status_page', 'status.acme');
    await addResource(team.id, 'on_call_calendar', 'Primary');
    for (const body of [
      { kind: 'dashboard', name: 'x' },
      { kind: 'monitor', name: '  ' },
      { kind: 'monitor' },
      { name: 'x' },
    ]) {
      await admin.error(
        admin.request('POST', `/api/teams/${team.id}/resources`, body),
        400,
        'BAD_REQUEST',
      );
    }
    const listed = await admin.json<TeamResourceListView>(
      admin.get(`/api/teams/${team.id}/resources`),
      200,
    );
    expect(listed.resources.map((r) => r.kind).sort()).toEqual([
      'heartbeat',
      'monitor',
      'on_call_calendar',
      'status_page',
    ]);
    expect(
      (await admin.request('DELETE', `/api/teams/${team.id}/resources/${monitor.id}`)).status,
    ).toBe(204);
    await admin.error(
      admin.request('DELETE', `/api/teams/${team.id}/resources/${monitor.id}`),
      404,
      'RESOURCE_NOT_FOUND',
    );
    const summary = (
      await admin.json<TeamListView>(admin.get('/api/teams?search=resourceful'), 200)
    ).teams[0];
    expect(summary?.resources).toEqual({ heartbeat: 1, status_page: 1, on_call_calendar: 1 });
    await admin.error(
      admin.request('POST', '/api/teams/00000000-0000-4000-8000-000000000000/resources', {
        kind: 'monitor',
        name: 'x',
      }),
      404,
      'TEAM_NOT_FOUND',
    );
  });

  it('delete → pending → restore brings the Entra group back with members and resources', async () => {
    await setRetention(30);
    const ada = await scimUser('ada@teams.example');
    const bob = await scimUser('bob@teams.example');
    const groupId = await scimGroup('SRE', [ada, bob]);
    // Deactivated members stay members, shown as inactive.
    const patch = await api.scim(org.scimToken, 'PATCH', `/Users/${bob}`, {
      schemas: [PATCH_OP_URN],
      Operations: [{ op: 'Replace', path: 'active', value: 'False' }],
    });
    expect(patch.status).toBe(200);
    await addResource(groupId, 'monitor', 'API');
    await addResource(groupId, 'monitor', 'Web');
    await addResource(groupId, 'status_page', 'Public');

    const before = await detail(groupId);
    expect(before.team).toMatchObject({
      id: groupId,
      name: 'SRE',
      source: 'scim',
      externalId: 'ext-SRE',
      members: 2,
      resources: { monitor: 2, status_page: 1 },
    });
    expect(before.members.sort((a, b) => a.userName.localeCompare(b.userName))).toEqual([
      { id: ada, userName: 'ada@teams.example', displayName: expect.anything(), active: true },
      { id: bob, userName: 'bob@teams.example', displayName: expect.anything(), active: false },
    ]);
    expect(before.resources).toHaveLength(3);

    const preview = await admin.json<TeamDeletionPreviewView>(
      admin.get(`/api/teams/${groupId}/deletion-preview`),
      200,
    );
    expect(preview).toEqual({
      team: before.team,
      members: 2,
      resources: { monitor: 2, status_page: 1 },
      retentionDays: 30,
    });

    const deletion = await admin.json<TeamDeletionView>(
      admin.request('DELETE', `/api/teams/${groupId}`),
      200,
    );
    const purgeAfter = Date.parse(deletion.purgeAfter ?? '');
    expect(Math.abs(purgeAfter - (Date.now() + 30 * DAY_MS))).toBeLessThan(60_000);

    await admin.error(admin.get(`/api/teams/${groupId}`), 404, 'TEAM_NOT_FOUND');
    await admin.error(admin.get(`/api/teams/${groupId}/deletion-preview`), 404, 'TEAM_NOT_FOUND');
    await admin.error(admin.request('DELETE', `/api/teams/${groupId}`), 404, 'TEAM_NOT_FOUND');
    expect((await api.scim(org.scimToken, 'GET', `/Groups/${groupId}`)).status).toBe(404);
    const live = (await admin.json<TeamListView>(admin.get('/api/teams'), 200)).teams;
    expect(live.map((t) => t.id)).not.toContain(groupId);

    const [entry] = (await pending()).filter((p) => p.team.id === groupId);
    expect(entry).toEqual({
      team: expect.objectContaining({ id: groupId, name: 'SRE', source: 'scim' }),
      members: 2,
      resources: { monitor: 2, status_page: 1 },
      deletedBy: `admin:${org.adminEmail}`,
      deletedAt: expect.any(String),
      purgeAfter: deletion.purgeAfter,
    });

    const restored = await admin.json<TeamSummaryView>(
      admin.request('POST', `/api/teams/${groupId}/restore`),
      200,
    );
    expect(restored).toMatchObject({
      id: groupId,
      name: 'SRE',
      source: 'scim',
      members: 2,
      resources: { monitor: 2, status_page: 1 },
    });
    const after = await detail(groupId);
    expect(after.members.map((m) => m.id).sort()).toEqual([ada, bob].sort());
    expect(after.resources.map((r) => r.id).sort()).toEqual(
      before.resources.map((r) => r.id).sort(),
    );
    expect((await pending()).map((p) => p.team.id)).not.toContain(groupId);
    expect((await api.scim(org.scimToken, 'GET', `/Groups/${groupId}`)).status).toBe(200);

    await admin.error(
      admin.request('POST', `/api/teams/${groupId}/restore`),
      409,
      'TEAM_NOT_PENDING_DELETION',
    );
  });

  it('lists a group Entra deleted as pending, deleted by its token', async () => {
    await setRetention(30);
    const groupId = await scimGroup('Entra Deleted', []);
    await addResource(groupId, 'heartbeat', 'Cron');
    expect((await api.scim(org.scimToken, 'DELETE', `/Groups/${groupId}`)).status).toBe(204);
    const entry = (await pending()).find((p) => p.team.id === groupId);
    expect(entry?.deletedBy).toMatch(/^scim:rcs_/);
    expect(org.scimToken.startsWith(entry?.deletedBy?.slice(5) ?? '-')).toBe(true);
    expect(entry?.resources).toEqual({ heartbeat: 1 });
    // Resources of a pending team can still be listed: that is what a purge would destroy.
    const resources = await admin.json<TeamResourceListView>(
      admin.get(`/api/teams/${groupId}/resources`),
      200,
    );
    expect(resources.resources.map((r) => r.name)).toEqual(['Cron']);
  });

  it('refuses to restore a team whose name a live team has taken since', async () => {
    await setRetention(30);
    const first = await createTeam('Reused Name');
    await admin.json(admin.request('DELETE', `/api/teams/${first.id}`), 200);
    const second = await createTeam('reused name');
    await admin.error(
      admin.request('POST', `/api/teams/${first.id}/restore`),
      409,
      'TEAM_NAME_TAKEN',
    );
    expect((await pending()).map((p) => p.team.id)).toContain(first.id);
    await admin.json(admin.request('DELETE', `/api/teams/${second.id}`), 200);
    await admin.json(admin.request('POST', `/api/teams/${first.id}/restore`), 200);
  });

  it('purges a team pending deletion now, for good, and refuses a live team', async () => {
    await setRetention(30);
    const member = await scimUser('purged-member@teams.example');
    const groupId = await scimGroup('Purge Me', [member]);
    await addResource(groupId, 'monitor', 'Doomed');
    const live = await createTeam('Still Live');

    await admin.error(
      admin.request('POST', `/api/teams/${live.id}/purge`),
      409,
      'TEAM_NOT_PENDING_DELETION',
    );
    expect((await detail(live.id)).team.name).toBe('Still Live');

    expect((await api.scim(org.scimToken, 'DELETE', `/Groups/${groupId}`)).status).toBe(204);
    expect((await pending()).map((p) => p.team.id)).toContain(groupId);

    const purged = await admin.request('POST', `/api/teams/${groupId}/purge`);
    expect(purged.status).toBe(204);
    expect((await pending()).map((p) => p.team.id)).not.toContain(groupId);
    await admin.error(admin.get(`/api/teams/${groupId}/resources`), 404, 'TEAM_NOT_FOUND');
    await admin.error(
      admin.request('POST', `/api/teams/${groupId}/restore`),
      404,
      'TEAM_NOT_FOUND',
    );
    await admin.error(admin.request('POST', `/api/teams/${groupId}/purge`), 404, 'TEAM_NOT_FOUND');
    // The member stays: only the membership went with the team.
    expect((await api.scim(org.scimToken, 'GET', `/Users/${member}`)).status).toBe(200);
    // Entra may create a group of the same name again.
    await scimGroup('Purge Me', []);
  });

  it('with a retention window of 0 a delete is immediate and final', async () => {
    await setRetention(0);
    const team = await createTeam('Ephemeral');
    await addResource(team.id, 'monitor', 'Gone');
    const preview = await admin.json<TeamDeletionPreviewView>(
      admin.get(`/api/teams/${team.id}/deletion-preview`),
      200,
    );
    expect(preview.retentionDays).toBe(0);
    const deletion = await admin.json<TeamDeletionView>(
      admin.request('DELETE', `/api/teams/${team.id}`),
      200,
    );
    expect(deletion).toEqual({ purgeAfter: null });
    expect((await pending()).map((p) => p.team.id)).not.toContain(team.id);
    await admin.error(admin.get(`/api/teams/${team.id}`), 404, 'TEAM_NOT_FOUND');
    await admin.error(admin.get(`/api/teams/${team.id}/resources`), 404, 'TEAM_NOT_FOUND');
    await admin.error(
      admin.request('POST', `/api/teams/${team.id}/restore`),
      404,
      'TEAM_NOT_FOUND',
    );
    await setRetention(30);
  });

  it('answers 404 for another organization’s teams and resources', async () => {
    const team = await createTeam('Private');
    const resource = await addResource(team.id, 'monitor', 'Secret');
    const doomed = await createTeam('Doomed');
    await admin.json(admin.request('DELETE', `/api/teams/${doomed.id}`), 200);

    const other = await api.createOrganization('Other Teams Org');
    const intruder = await AdminClient.signIn(api, other);
    for (const [method, path, body] of [
      ['GET', `/api/teams/${team.id}`, undefined],
      ['GET', `/api/teams/${team.id}/deletion-preview`, undefined],
      ['GET', `/api/teams/${team.id}/resources`, undefined],
      ['POST', `/api/teams/${team.id}/resources`, { kind: 'monitor', name: 'x' }],
      ['DELETE', `/api/teams/${team.id}`, undefined],
      ['POST', `/api/teams/${doomed.id}/restore`, undefined],
      ['POST', `/api/teams/${doomed.id}/purge`, undefined],
    ] as const) {
      await intruder.error(intruder.request(method, path, body), 404, 'TEAM_NOT_FOUND');
    }
    await intruder.error(
      intruder.request('DELETE', `/api/teams/${team.id}/resources/${resource.id}`),
      404,
      'TEAM_NOT_FOUND',
    );
    expect((await intruder.json<TeamListView>(intruder.get('/api/teams'), 200)).teams).toEqual([]);
    expect(
      (await intruder.json<PendingTeamDeletionListView>(intruder.get('/api/teams/deleted'), 200))
        .teams,
    ).toEqual([]);
    // Org B may use the same names.
    await intruder.json(intruder.request('POST', '/api/teams', { name: 'Private' }), 201);
    // Nothing of org A changed.
    expect((await detail(team.id)).resources.map((r) => r.id)).toEqual([resource.id]);
    expect((await pending()).map((p) => p.team.id)).toContain(doomed.id);
  });
});
