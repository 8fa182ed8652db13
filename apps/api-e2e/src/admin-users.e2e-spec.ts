import type {
  AdminUserDetailView,
  AdminUserListView,
  GroupRoleMappingListView,
  GroupRoleMappingView,
} from '@rollcall/contracts';
import { ROLE_PRECEDENCE } from '@rollcall/contracts';
import { AdminClient, anonymous } from './support/admin-client';
import { PATCH_OP_URN, ROLLCALL_URN, USER_URN, aScimUser } from './support/scim-user.builder';
import { TestApi, type TestOrganization } from './support/test-api';

jest.setTimeout(60_000);

const GROUP_URN = 'urn:ietf:params:scim:schemas:core:2.0:Group';

describe('admin API: users and role mappings', () => {
  let api: TestApi;
  let org: TestOrganization;
  let admin: AdminClient;
  const ids: Record<string, string> = {};

  const users = (query = '') => admin.json<AdminUserListView>(admin.get(`/api/users${query}`), 200);
  const roleOf = async (name: string) =>
    (await admin.json<AdminUserDetailView>(admin.get(`/api/users/${ids[name]}`), 200)).role;

  async function scimUser(key: string, overrides: Record<string, unknown>): Promise<void> {
    const response = await api.scim(org.scimToken, 'POST', '/Users', aScimUser(overrides));
    expect(response.status).toBe(201);
    ids[key] = ((await response.json()) as { id: string }).id;
  }

  beforeAll(async () => {
    api = await TestApi.start();
    org = await api.createOrganization('Users Org');
    admin = await AdminClient.signIn(api, org);
    await scimUser('ada', {
      userName: 'ada@users.example',
      displayName: 'Ada Lovelace',
      emails: [{ type: 'work', primary: true, value: 'ada.l@engines.example' }],
    });
    await scimUser('bob', {
      schemas: [USER_URN, ROLLCALL_URN],
      userName: 'bob@users.example',
      displayName: 'Bob Builder',
      [ROLLCALL_URN]: { roleName: 'Team Lead' },
    });
    await scimUser('carol', {
      userName: 'carol@users.example',
      displayName: 'Carol "Cee" O\\Brien',
    });
    await scimUser('dave', { userName: 'dave@users.example', displayName: 'Dave Gone' });
    const patch = await api.scim(org.scimToken, 'PATCH', `/Users/${ids['dave']}`, {
      schemas: [PATCH_OP_URN],
      Operations: [{ op: 'replace', path: 'active', value: false }],
    });
    expect(patch.status).toBe(200);
  });

  afterAll(async () => {
    await api?.stop();
  });

  it('answers 401 without a session and 403 on writes without CSRF', async () => {
    await admin.error(anonymous(api, 'GET', '/api/users'), 401, 'UNAUTHENTICATED');
    await admin.error(anonymous(api, 'GET', `/api/users/${ids['ada']}`), 401, 'UNAUTHENTICATED');
    await admin.error(anonymous(api, 'GET', '/api/group-role-mappings'), 401, 'UNAUTHENTICATED');
    await admin.error(
      admin.request(
        'PUT',
        '/api/group-role-mappings',
        { groupName: 'x', role: 'admin' },
        { csrf: false },
      ),
      403,
      'CSRF_TOKEN_INVALID',
    );
    await admin.error(
      admin.request('DELETE', '/api/group-role-mappings/x', undefined, { csrf: false }),
      403,
      'CSRF_TOKEN_INVALID',
    );
  });

  it('lists every user by userName with status, source, role and teams', async () => {
    const list = await users();
    expect(list.total).toBe(4);
    expect(list.startIndex).toBe(1);
    expect(list.users.map((u) => u.userName)).toEqual([
      'ada@users.example',
      'bob@users.example',
      'carol@users.example',
      'dave@users.example',
    ]);
    expect(list.users[0]).toEqual({
      id: ids['ada'],
      userName: 'ada@users.example',
      displayName: 'Ada Lovelace',
      email: 'ada.l@engines.example',
      active: true,
      source: 'scim',
      role: { role: 'member', source: 'default' },
      teams: [],
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect(list.users[3]).toMatchObject({ userName: 'dave@users.example', active: false });
  });

  it.each([
    ['?status=active', ['ada@users.example', 'bob@users.example', 'carol@users.example']],
    ['?status=deactivated', ['dave@users.example']],
    [
      '?status=all',
      ['ada@users.example', 'bob@users.example', 'carol@users.example', 'dave@users.example'],
    ],
    ['?search=ADA', ['ada@users.example']],
    ['?search=builder', ['bob@users.example']],
    ['?search=engines.example', ['ada@users.example']],
    [`?search=${encodeURIComponent('"Cee"')}`, ['carol@users.example']],
    [`?search=${encodeURIComponent('O\\Brien')}`, ['carol@users.example']],
    [`?search=${encodeURIComponent('" or userName pr or "')}`, []],
    ['?search=%25', []],
    ['?search=_', []],
    ['?search=users.example&status=deactivated', ['dave@users.example']],
    ['?search=gone&status=active', []],
  ])('filters %s', async (query, expected) => {
    const list = await users(query);
    expect(list.users.map((u) => u.userName)).toEqual(expected);
    expect(list.total).toBe(expected.length);
  });

  it('pages with startIndex and count', async () => {
    const first = await users('?count=2');
    expect(first.total).toBe(4);
    expect(first.users.map((u) => u.userName)).toEqual(['ada@users.example', 'bob@users.example']);
    const second = await users('?startIndex=3&count=2');
    expect(second.startIndex).toBe(3);
    expect(second.users.map((u) => u.userName)).toEqual([
      'carol@users.example',
      'dave@users.example',
    ]);
    expect((await users('?startIndex=9')).users).toEqual([]);
    for (const query of ['?count=0', '?count=201', '?startIndex=0', '?status=gone', '?count=two']) {
      await admin.error(admin.get(`/api/users${query}`), 400, 'BAD_REQUEST');
    }
  });

  it('resolves roles: explicit roleName > most privileged mapped group > org default', async () => {
    expect(await roleOf('bob')).toEqual({ role: 'team_lead', source: 'roleName' });

    const mapping = await admin.json<GroupRoleMappingView>(
      admin.request('PUT', '/api/group-role-mappings', {
        groupName: 'Rollcall Admins',
        role: 'admin',
      }),
      200,
    );
    expect(mapping).toEqual({
      groupName: 'Rollcall Admins',
      role: 'admin',
      createdAt: expect.any(String),
    });
    await admin.json(
      admin.request('PUT', '/api/group-role-mappings', {
        groupName: 'Responders',
        role: 'responder',
      }),
      200,
    );
    const group = await api.scim(org.scimToken, 'POST', '/Groups', {
      schemas: [GROUP_URN],
      displayName: 'rollcall admins',
      members: [{ value: ids['ada'] }, { value: ids['bob'] }],
    });
    expect(group.status).toBe(201);
    const groupId = ((await group.json()) as { id: string }).id;
    const responders = await api.scim(org.scimToken, 'POST', '/Groups', {
      schemas: [GROUP_URN],
      displayName: 'Responders',
      members: [{ value: ids['ada'] }, { value: ids['carol'] }],
    });
    expect(responders.status).toBe(201);

    const list = await users();
    const byName = new Map(list.users.map((u) => [u.userName, u]));
    expect(byName.get('ada@users.example')?.role).toEqual({
      role: 'admin',
      source: 'group',
      groupName: 'rollcall admins',
    });
    expect(byName.get('ada@users.example')?.teams.map((t) => t.name)).toEqual([
      'Responders',
      'rollcall admins',
    ]);
    expect(byName.get('bob@users.example')?.role).toEqual({
      role: 'team_lead',
      source: 'roleName',
    });
    expect(byName.get('carol@users.example')?.role).toEqual({
      role: 'responder',
      source: 'group',
      groupName: 'Responders',
    });
    expect(byName.get('dave@users.example')?.role).toEqual({ role: 'member', source: 'default' });

    const mappings = await admin.json<GroupRoleMappingListView>(
      admin.get('/api/group-role-mappings'),
      200,
    );
    expect(mappings).toEqual({
      mappings: [
        { groupName: 'Responders', role: 'responder', createdAt: expect.any(String) },
        { groupName: 'Rollcall Admins', role: 'admin', createdAt: expect.any(String) },
      ],
      precedence: ROLE_PRECEDENCE,
    });

    // A membership change counts at once.
    const removal = await api.scim(org.scimToken, 'PATCH', `/Groups/${groupId}`, {
      schemas: [PATCH_OP_URN],
      Operations: [{ op: 'Remove', path: `members[value eq "${ids['ada']}"]` }],
    });
    expect(removal.status).toBe(204);
    expect(await roleOf('ada')).toEqual({
      role: 'responder',
      source: 'group',
      groupName: 'Responders',
    });

    // The org default applies when nothing else does.
    await admin.json(
      admin.request('PATCH', '/api/organization/settings', { defaultRole: 'billing_admin' }),
      200,
    );
    expect(await roleOf('dave')).toEqual({ role: 'billing_admin', source: 'default' });

    expect(
      (
        await admin.request(
          'DELETE',
          `/api/group-role-mappings/${encodeURIComponent('RESPONDERS')}`,
        )
      ).status,
    ).toBe(204);
    expect(await roleOf('ada')).toEqual({ role: 'billing_admin', source: 'default' });
    // Removing it again is not an error.
    expect((await admin.request('DELETE', '/api/group-role-mappings/Responders')).status).toBe(204);
    const left = await admin.json<GroupRoleMappingListView>(
      admin.get('/api/group-role-mappings'),
      200,
    );
    expect(left.mappings.map((m) => m.groupName)).toEqual(['Rollcall Admins']);
  });

  it.each([
    [{ groupName: 'X', role: 'owner' }],
    [{ groupName: '  ', role: 'admin' }],
    [{ role: 'admin' }],
    [{ groupName: 'X' }],
  ])('rejects the mapping %j with 400', async (body) => {
    await admin.error(admin.request('PUT', '/api/group-role-mappings', body), 400, 'BAD_REQUEST');
  });

  it('shows one user with the SCIM resource as stored', async () => {
    const user = await admin.json<AdminUserDetailView>(admin.get(`/api/users/${ids['bob']}`), 200);
    expect(user).toMatchObject({
      id: ids['bob'],
      userName: 'bob@users.example',
      displayName: 'Bob Builder',
      active: true,
      role: { role: 'team_lead', source: 'roleName' },
    });
    expect(user.scim).toMatchObject({
      id: ids['bob'],
      userName: 'bob@users.example',
      active: true,
      schemas: expect.arrayContaining([USER_URN, ROLLCALL_URN]),
      [ROLLCALL_URN]: { roleName: 'Team Lead' },
      meta: { resourceType: 'User', created: user.createdAt, lastModified: user.updatedAt },
    });
    await admin.error(
      admin.get('/api/users/00000000-0000-4000-8000-000000000000'),
      404,
      'USER_NOT_FOUND',
    );
  });

  it('keeps each organization to its own users and mappings', async () => {
    const other = await api.createOrganization('Other Users Org');
    const intruder = await AdminClient.signIn(api, other);
    await intruder.error(intruder.get(`/api/users/${ids['ada']}`), 404, 'USER_NOT_FOUND');
    const theirs = await intruder.json<AdminUserListView>(
      intruder.get('/api/users?search=users.example'),
      200,
    );
    expect(theirs).toEqual({ total: 0, startIndex: 1, users: [] });
    const mappings = await intruder.json<GroupRoleMappingListView>(
      intruder.get('/api/group-role-mappings'),
      200,
    );
    expect(mappings.mappings).toEqual([]);
    expect(
      (await intruder.request('DELETE', '/api/group-role-mappings/Rollcall%20Admins')).status,
    ).toBe(204);
    const mine = await admin.json<GroupRoleMappingListView>(
      admin.get('/api/group-role-mappings'),
      200,
    );
    expect(mine.mappings.map((m) => m.groupName)).toEqual(['Rollcall Admins']);
  });
});
