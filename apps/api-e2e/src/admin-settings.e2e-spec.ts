import type { AdminSessionView, OrganizationView } from '@rollcall/contracts';
import { AdminClient, anonymous } from './support/admin-client';
import { TestApi, type TestOrganization } from './support/test-api';

// Sign-in runs scrypt on purpose (~0.4 s each).
jest.setTimeout(60_000);

describe('admin API: organization and settings', () => {
  let api: TestApi;
  let org: TestOrganization;
  let admin: AdminClient;

  beforeAll(async () => {
    api = await TestApi.start({ PUBLIC_URL: 'http://rollcall.test:8080/' });
    org = await api.createOrganization('Settings Org');
    admin = await AdminClient.signIn(api, org);
  });

  afterAll(async () => {
    await api?.stop();
  });

  it('answers 401 without a session', async () => {
    await admin.error(anonymous(api, 'GET', '/api/organization'), 401, 'UNAUTHENTICATED');
    await admin.error(
      anonymous(api, 'PATCH', '/api/organization/settings', { scimEnabled: false }),
      401,
      'UNAUTHENTICATED',
    );
  });

  it('shows the organization, its settings and the SCIM Tenant URL', async () => {
    const body = await admin.json<OrganizationView>(admin.get('/api/organization'), 200);
    expect(body).toEqual({
      id: org.orgId,
      name: 'Settings Org',
      slug: 'settings-org',
      settings: { scimEnabled: true, deletedTeamRetentionDays: 30, defaultRole: 'member' },
      scimBaseUrl: 'http://rollcall.test:8080/scim/v2',
    });
  });

  it('refuses a settings change without the CSRF header and changes nothing', async () => {
    await admin.error(
      admin.request(
        'PATCH',
        '/api/organization/settings',
        { defaultRole: 'admin' },
        { csrf: false },
      ),
      403,
      'CSRF_TOKEN_INVALID',
    );
    const body = await admin.json<OrganizationView>(admin.get('/api/organization'), 200);
    expect(body.settings.defaultRole).toBe('member');
  });

  it('changes only the settings sent', async () => {
    const changed = await admin.json<OrganizationView>(
      admin.request('PATCH', '/api/organization/settings', { deletedTeamRetentionDays: 7 }),
      200,
    );
    expect(changed.settings).toEqual({
      scimEnabled: true,
      deletedTeamRetentionDays: 7,
      defaultRole: 'member',
    });
    const again = await admin.json<OrganizationView>(
      admin.request('PATCH', '/api/organization/settings', {
        defaultRole: 'responder',
        deletedTeamRetentionDays: 0,
      }),
      200,
    );
    expect(again.settings).toEqual({
      scimEnabled: true,
      deletedTeamRetentionDays: 0,
      defaultRole: 'responder',
    });
    const read = await admin.json<OrganizationView>(admin.get('/api/organization'), 200);
    expect(read.settings).toEqual(again.settings);
  });

  it.each([
    [{ deletedTeamRetentionDays: 366 }],
    [{ deletedTeamRetentionDays: -1 }],
    [{ deletedTeamRetentionDays: 1.5 }],
    [{ deletedTeamRetentionDays: '30' }],
    [{ defaultRole: 'owner' }],
    [{ defaultRole: 'Admin' }],
    [{ scimEnabled: 'yes' }],
    [{ scimEnabled: null }],
  ])('rejects %j with 400 and keeps the settings', async (change) => {
    const before = await admin.json<OrganizationView>(admin.get('/api/organization'), 200);
    const error = await admin.error(
      admin.request('PATCH', '/api/organization/settings', change),
      400,
      'BAD_REQUEST',
    );
    expect(error.message).toMatch(Object.keys(change)[0] ?? '');
    const after = await admin.json<OrganizationView>(admin.get('/api/organization'), 200);
    expect(after.settings).toEqual(before.settings);
  });

  it('accepts the retention window bounds 0 and 365', async () => {
    for (const days of [365, 0]) {
      const body = await admin.json<OrganizationView>(
        admin.request('PATCH', '/api/organization/settings', { deletedTeamRetentionDays: days }),
        200,
      );
      expect(body.settings.deletedTeamRetentionDays).toBe(days);
    }
  });

  it('turning provisioning off makes the SCIM token answer 401 until it is on again', async () => {
    expect((await api.scim(org.scimToken, 'GET', '/Users')).status).toBe(200);
    await admin.json(
      admin.request('PATCH', '/api/organization/settings', { scimEnabled: false }),
      200,
    );
    expect((await api.scim(org.scimToken, 'GET', '/Users')).status).toBe(401);
    await admin.json(
      admin.request('PATCH', '/api/organization/settings', { scimEnabled: true }),
      200,
    );
    expect((await api.scim(org.scimToken, 'GET', '/Users')).status).toBe(200);
  });

  describe('renaming the organization', () => {
    let renamed: TestOrganization;
    let renamer: AdminClient;

    beforeAll(async () => {
      renamed = await api.createOrganization('Rename Me');
      renamer = await AdminClient.signIn(api, renamed);
    });

    it('trims the name, keeps the slug, and the session shows the new name', async () => {
      const body = await renamer.json<OrganizationView>(
        renamer.request('PATCH', '/api/organization', { name: '  Renamed Corp  ' }),
        200,
      );
      expect(body).toMatchObject({ id: renamed.orgId, name: 'Renamed Corp', slug: 'rename-me' });
      const read = await renamer.json<OrganizationView>(renamer.get('/api/organization'), 200);
      expect(read.name).toBe('Renamed Corp');
      const session = await renamer.json<AdminSessionView>(renamer.get('/api/auth/session'), 200);
      expect(session.organization.name).toBe('Renamed Corp');
      const mine = await admin.json<OrganizationView>(admin.get('/api/organization'), 200);
      expect(mine.name).toBe('Settings Org');
    });

    it('accepts 200 characters', async () => {
      const name = 'n'.repeat(200);
      const body = await renamer.json<OrganizationView>(
        renamer.request('PATCH', '/api/organization', { name }),
        200,
      );
      expect(body.name).toBe(name);
    });

    it.each([[''], ['   '], ['n'.repeat(201)]])(
      'refuses %j with ORGANIZATION_NAME_INVALID',
      async (name) => {
        await renamer.error(
          renamer.request('PATCH', '/api/organization', { name }),
          400,
          'ORGANIZATION_NAME_INVALID',
        );
      },
    );

    it.each([[{}], [{ name: 42 }], [{ name: null }]])(
      'refuses the body %j with 400',
      async (body) => {
        await renamer.error(
          renamer.request('PATCH', '/api/organization', body),
          400,
          'BAD_REQUEST',
        );
      },
    );

    it('needs the CSRF header and a session', async () => {
      await renamer.error(
        renamer.request('PATCH', '/api/organization', { name: 'Nope' }, { csrf: false }),
        403,
        'CSRF_TOKEN_INVALID',
      );
      await renamer.error(
        anonymous(api, 'PATCH', '/api/organization', { name: 'Nope' }),
        401,
        'UNAUTHENTICATED',
      );
      const read = await renamer.json<OrganizationView>(renamer.get('/api/organization'), 200);
      expect(read.name).not.toBe('Nope');
    });
  });

  it('scopes every call to the admin’s own organization', async () => {
    const other = await api.createOrganization('Other Org');
    const otherAdmin = await AdminClient.signIn(api, other);
    const changed = await otherAdmin.json<OrganizationView>(
      otherAdmin.request('PATCH', '/api/organization/settings', { defaultRole: 'admin' }),
      200,
    );
    expect(changed.id).toBe(other.orgId);
    const mine = await admin.json<OrganizationView>(admin.get('/api/organization'), 200);
    expect(mine.id).toBe(org.orgId);
    expect(mine.settings.defaultRole).toBe('responder');
  });

  it('documents every admin endpoint in OpenAPI behind the session cookie', async () => {
    const response = await fetch(`${api.baseUrl}/api/docs-json`);
    const document = (await response.json()) as {
      paths: Record<string, Record<string, { tags?: string[]; security?: unknown[] }>>;
    };
    const expected: [string, string][] = [
      ['/api/organization', 'get'],
      ['/api/organization', 'patch'],
      ['/api/organization/settings', 'patch'],
      ['/api/scim/tokens', 'post'],
      ['/api/scim/tokens/{id}', 'delete'],
      ['/api/provisioning-log', 'get'],
      ['/api/provisioning-log/summary', 'get'],
      ['/api/teams', 'get'],
      ['/api/teams/deleted', 'get'],
      ['/api/teams/{id}/deletion-preview', 'get'],
      ['/api/teams/{id}/restore', 'post'],
      ['/api/teams/{teamId}/resources/{resourceId}', 'delete'],
      ['/api/group-role-mappings', 'put'],
      ['/api/group-role-mappings/{groupName}', 'delete'],
      ['/api/users', 'get'],
      ['/api/users/{id}', 'get'],
    ];
    for (const [path, method] of expected) {
      const operation = document.paths[path]?.[method];
      expect({ path, method, tag: operation?.tags?.[0]?.startsWith('Admin: ') }).toEqual({
        path,
        method,
        tag: true,
      });
      // Routes that also take API keys list the `api-key` scheme as a second alternative.
      expect(operation?.security).toContainEqual({ rollcall_session: [] });
    }
  });
});
