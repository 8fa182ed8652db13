import type {
  AdminUserDetailView,
  CreatedApiKeyView,
  EventListView,
  EventView,
  OrganizationView,
} from '@rollcall/contracts';
import { AdminClient } from './support/admin-client';
import { ScimGroups } from './support/scim-groups.client';
import { aScimGroup } from './support/scim-group.builder';
import {
  ENTERPRISE_URN,
  ROLLCALL_URN,
  USER_URN,
  aScimUser,
  unique,
} from './support/scim-user.builder';
import { TestApi, type TestOrganization } from './support/test-api';
import { testDialect } from './support/test-database';

// A new default role is the new role of every user whose role was the default: each of them
// gets a `user.role_changed` in the settings change's commit, after its organization.updated.
// A deactivated user's role is resolved like anyone's (the Users page shows it, and a
// reactivation keeps it), so they are told too.

jest.setTimeout(120_000);

interface Provisioned {
  id: string;
  userName: string;
}

const userOf = (event: EventView) => (event.data['user'] as { id: string }).id;

describe(`user.role_changed for a new default role on ${testDialect()}`, () => {
  let api: TestApi;
  let org: TestOrganization;
  let other: TestOrganization;
  let admin: AdminClient;
  let otherAdmin: AdminClient;
  let readKey: string;
  // No role of their own; deactivated; an explicit roleName; in a group mapped to a role; in a
  // group that is not mapped; the other organization's, with no role of their own either.
  let plain: Provisioned;
  let deactivated: Provisioned;
  let explicit: Provisioned;
  let mapped: Provisioned;
  let unmappedMember: Provisioned;
  let stranger: Provisioned;

  /** Every event of the organization after `after`, read with the API key page by page. */
  async function eventsAfter(after: string): Promise<EventView[]> {
    const all: EventView[] = [];
    let cursor = after;
    for (;;) {
      const response = await fetch(`${api.baseUrl}/api/events?after=${cursor}&limit=100`, {
        headers: { Authorization: `Bearer ${readKey}` },
      });
      expect(response.status).toBe(200);
      const page = (await response.json()) as EventListView;
      all.push(...page.data);
      if (page.data.length < 100) return all;
      cursor = page.nextCursor;
    }
  }

  async function lastCursor(): Promise<string> {
    return String((await eventsAfter('0')).at(-1)?.sequence ?? 0);
  }

  /** The other organization's events, read with its admin's session. */
  async function otherEvents(): Promise<EventView[]> {
    const page = await otherAdmin.json<EventListView>(
      otherAdmin.get('/api/events?after=0&limit=500'),
      200,
    );
    return page.data;
  }

  const changeSettings = (body: Record<string, unknown>) =>
    admin.json<OrganizationView>(admin.request('PATCH', '/api/organization/settings', body), 200);

  const roleShown = async (user: Provisioned) =>
    (await admin.json<AdminUserDetailView>(admin.get(`/api/users/${user.id}`), 200)).role;

  beforeAll(async () => {
    api = await TestApi.start({ SCIM_RATE_LIMIT_PER_SECOND: '0' });
    org = await api.createOrganization('Default Role Org');
    other = await api.createOrganization('Other Default Role Org');
    admin = await AdminClient.signIn(api, org);
    otherAdmin = await AdminClient.signIn(api, other);
    readKey = (
      await admin.json<CreatedApiKeyView>(
        admin.request('POST', '/api/api-keys', { name: 'events-reader', scope: 'read' }),
        201,
      )
    ).key;
    const scim = new ScimGroups(api, org.scimToken);
    const created = async (into: ScimGroups, overrides: Record<string, unknown> = {}) => {
      const user = await into.users.create(aScimUser(overrides));
      return { id: user.id, userName: user.userName };
    };
    plain = await created(scim);
    deactivated = await created(scim, { active: false });
    explicit = await created(scim, {
      schemas: [USER_URN, ENTERPRISE_URN, ROLLCALL_URN],
      [ROLLCALL_URN]: { roleName: 'Team Lead' },
    });
    mapped = await created(scim);
    unmappedMember = await created(scim);
    const mappedGroup = unique('On-call');
    await scim.create(aScimGroup({ displayName: mappedGroup, members: [{ value: mapped.id }] }));
    await scim.create(aScimGroup({ members: [{ value: unmappedMember.id }] }));
    await admin.json(
      admin.request('PUT', '/api/group-role-mappings', {
        groupName: mappedGroup,
        role: 'responder',
      }),
      200,
    );
    stranger = await created(new ScimGroups(api, other.scimToken));
  });

  afterAll(async () => {
    await api?.stop();
  });

  it('tells each user whose role was the default, after organization.updated, and no one else', async () => {
    const start = await lastCursor();

    await changeSettings({ defaultRole: 'billing_admin' });

    const events = await eventsAfter(start);
    expect(events.map((e) => e.type)).toEqual([
      'organization.updated',
      'user.role_changed',
      'user.role_changed',
      'user.role_changed',
    ]);
    expect(events[0]?.data['changed']).toEqual(['defaultRole']);
    const told = [plain, deactivated, unmappedMember];
    const byUser = new Map(events.slice(1).map((e) => [userOf(e), e]));
    expect([...byUser.keys()].sort()).toEqual(told.map((user) => user.id).sort());
    for (const user of told) {
      expect(byUser.get(user.id)).toMatchObject({
        actor: `admin:${org.adminEmail}`,
        data: {
          user: { id: user.id, userName: user.userName },
          role: { role: 'billing_admin', source: 'default' },
          previousRole: { role: 'member', source: 'default' },
        },
      });
      expect(Object.keys(byUser.get(user.id)?.data ?? {}).sort()).toEqual([
        'previousRole',
        'role',
        'user',
      ]);
      // The dashboard shows the role the event tells.
      expect(await roleShown(user)).toEqual({ role: 'billing_admin', source: 'default' });
    }
    expect(await roleShown(explicit)).toEqual({ role: 'team_lead', source: 'roleName' });
    expect(await roleShown(mapped)).toMatchObject({ role: 'responder', source: 'group' });
    expect((await otherEvents()).filter((e) => e.type === 'user.role_changed')).toEqual([]);
  });

  it('tells no role change when the default role is set to the one it has', async () => {
    const start = await lastCursor();

    await changeSettings({ defaultRole: 'billing_admin' });
    expect(await eventsAfter(start)).toEqual([]);
    await changeSettings({ defaultRole: 'billing_admin', deletedTeamRetentionDays: 12 });

    const events = await eventsAfter(start);
    expect(events.map((e) => [e.type, e.data['changed']])).toEqual([
      ['organization.updated', ['deletedTeamRetentionDays']],
    ]);
  });

  it('tells nothing when the change is refused: an invalid second field writes nothing', async () => {
    const start = await lastCursor();

    // The endpoint checks the whole body before the settings transaction starts.
    await admin.error(
      admin.request('PATCH', '/api/organization/settings', {
        defaultRole: 'admin',
        deletedTeamRetentionDays: 366,
      }),
      400,
      'BAD_REQUEST',
    );

    expect(await eventsAfter(start)).toEqual([]);
    const read = await admin.json<OrganizationView>(admin.get('/api/organization'), 200);
    expect(read.settings.defaultRole).toBe('billing_admin');
  });

  it('tells another organization’s change to its own users only', async () => {
    const start = await lastCursor();
    await otherAdmin.json(
      otherAdmin.request('PATCH', '/api/organization/settings', { defaultRole: 'responder' }),
      200,
    );
    const roleEvents = (await otherEvents()).filter((e) => e.type === 'user.role_changed');
    expect(roleEvents.map((e) => [userOf(e), e.data['previousRole'], e.data['role']])).toEqual([
      [
        stranger.id,
        { role: 'member', source: 'default' },
        { role: 'responder', source: 'default' },
      ],
    ]);
    expect(await eventsAfter(start)).toEqual([]);
  });
});
