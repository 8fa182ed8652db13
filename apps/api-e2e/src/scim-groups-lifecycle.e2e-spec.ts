import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  CreateTeamResource,
  ListDeletedTeams,
  ListTeamResources,
  PreviewTeamDeletion,
  PurgeDeletedTeams,
  ResolveEffectiveRoles,
  RestoreTeam,
  SetGroupRoleMapping,
} from '@rollcall/teams';
import { TestApi } from './support/test-api';
import {
  PUBLIC_URL,
  SCIM_BASE_URL,
  aScimGroup,
  anAddMembersPatch,
  aRemoveMembersPatch,
  memberValues,
  type ScimGroupResource,
} from './support/scim-group.builder';
import { ScimGroups, nth } from './support/scim-groups.client';
import { ROLLCALL_URN, aPatch, aScimUser, unique } from './support/scim-user.builder';
import { expectScimError } from './support/scim-users.client';

const DAY_MS = 86_400_000;
const sorted = (ids: readonly string[]) => [...ids].sort();

describe('SCIM /Groups: deletion, users’ groups, roles from groups, tenant isolation', () => {
  let api: TestApi;
  let dataSource: DataSource;
  let orgId: string;
  let groups: ScimGroups;

  beforeAll(async () => {
    api = await TestApi.start({ PUBLIC_URL });
    dataSource = api.app.get(DataSource);
    const org = await api.createOrganization('Contoso');
    orgId = org.orgId;
    groups = new ScimGroups(api, org.scimToken);
  });

  afterAll(async () => {
    await api.stop();
  });

  async function aGroup(members: readonly string[] = [], name?: string) {
    return groups.create(
      aScimGroup({
        members: memberValues(members),
        ...(name === undefined ? {} : { displayName: name }),
      }),
    );
  }

  /** Rows of `table` whose `column` is `value`, whatever the dialect. */
  function rowsWhere(table: string, column: string, value: string): Promise<number> {
    return dataSource
      .createQueryBuilder()
      .select('1')
      .from(table, 'x')
      .where(`x.${column} = :value`, { value })
      .getCount();
  }

  async function giveResources(teamId: string, organizationId = orgId): Promise<void> {
    const create = api.app.get(CreateTeamResource);
    await create.execute(
      organizationId,
      teamId,
      { kind: 'monitor', name: 'API uptime' },
      'admin:test@example.com',
    );
    await create.execute(
      organizationId,
      teamId,
      { kind: 'monitor', name: 'Web uptime' },
      'admin:test@example.com',
    );
    await create.execute(
      organizationId,
      teamId,
      { kind: 'status_page', name: 'Status' },
      'admin:test@example.com',
    );
  }

  describe('the User `groups` attribute and user lifecycle', () => {
    it('lists the user’s teams, read-only, sorted by name', async () => {
      const user = await groups.createUser();
      const b = await aGroup([user], unique('B team '));
      const a = await aGroup([user], unique('A team '));
      await aGroup([], unique('Not theirs '));
      expect((await groups.users.get(user))['groups']).toEqual(
        [a, b].map((team) => ({
          value: team.id,
          $ref: `${SCIM_BASE_URL}/Groups/${team.id}`,
          display: team.displayName,
          type: 'direct',
        })),
      );
      // RFC 7643 §4.1.2: read-only; memberships change through /Groups only.
      await expectScimError(
        await groups.users.patch(
          user,
          aPatch({ op: 'Add', path: 'groups', value: [{ value: randomUUID() }] }),
        ),
        400,
        'mutability',
      );
      expect(await groups.memberIds(a.id)).toEqual([user]);
      expect(
        ((await groups.users.get(user))['groups'] as unknown[]).map(
          (g) => (g as { value: string }).value,
        ),
      ).toEqual([a.id, b.id]);
    });

    it('removes a deleted user from every team', async () => {
      const [leaving, staying] = (await groups.createUsers(2)) as [string, string];
      const one = await aGroup([leaving, staying]);
      const two = await aGroup([leaving]);
      expect((await groups.users.delete(leaving)).status).toBe(204);
      expect(await groups.memberIds(one.id)).toEqual([staying]);
      expect(await groups.memberIds(two.id)).toEqual([]);
      expect(await groups.idsMatching(`members[value eq "${leaving}"]`)).toEqual([]);
      expect(await rowsWhere('team_members', 'user_id', leaving)).toBe(0);
    });

    it('keeps a deactivated user’s memberships, and they are there on reactivation', async () => {
      const user = await groups.createUser();
      const team = await aGroup([user]);
      await groups.users.patched(user, aPatch({ op: 'Replace', path: 'active', value: 'False' }));
      expect(await groups.idsMatching(`members[value eq "${user}"]`)).toEqual([team.id]);
      expect(await rowsWhere('team_members', 'user_id', user)).toBe(1);
      expect(
        ((await groups.users.get(user))['groups'] as { value: string }[]).map((g) => g.value),
      ).toEqual([team.id]);
      await groups.users.patched(user, aPatch({ op: 'Replace', path: 'active', value: 'True' }));
      expect(await groups.memberIds(team.id)).toEqual([user]);
    });
  });

  describe('DELETE /Groups/{id}', () => {
    it('answers 204; the group is gone from SCIM and its displayName is free again', async () => {
      const user = await groups.createUser();
      const team = await aGroup([user]);
      const response = await groups.delete(team.id);
      expect(response.status).toBe(204);
      expect(await response.text()).toBe('');

      const error = await expectScimError(await groups.fetch(team.id), 404);
      expect(error.detail).toContain(team.id);
      expect(await groups.idsMatching(`displayName eq "${team.displayName}"`)).toEqual([]);
      expect(await groups.idsMatching(`id eq "${team.id}"`)).toEqual([]);
      expect(await groups.idsMatching(`members[value eq "${user}"]`)).toEqual([]);
      const all = await groups.list({ count: 1000, excludedAttributes: 'members' });
      expect(all.Resources.map((g) => g.id)).not.toContain(team.id);
      expect(await groups.users.get(user)).not.toHaveProperty('groups');
      await expectScimError(await groups.patch(team.id, anAddMembersPatch([user])), 404);
      await expectScimError(await groups.put(team.id, aScimGroup()), 404);
      await expectScimError(await groups.delete(team.id), 404);

      const again = await groups.create(aScimGroup({ displayName: team.displayName }));
      expect(again.id).not.toBe(team.id);
      expect(again.members).toEqual([]);
    });

    it('previews what a delete destroys', async () => {
      const members = await groups.createUsers(3);
      const team = await aGroup(members);
      await giveResources(team.id);
      expect(await api.app.get(PreviewTeamDeletion).execute(orgId, team.id)).toMatchObject({
        team: { id: team.id, name: team.displayName },
        members: 3,
        resources: { monitor: 2, status_page: 1 },
        retentionDays: 30,
      });
    });

    it('keeps the team pending for the retention window, and restores it with members and resources', async () => {
      const members = await groups.createUsers(3);
      const team = await aGroup(members);
      await giveResources(team.id);
      const before = Date.now();
      expect((await groups.delete(team.id)).status).toBe(204);

      const pending = (await api.app.get(ListDeletedTeams).execute(orgId)).find(
        (d) => d.team.id === team.id,
      );
      expect(pending).toMatchObject({
        team: { id: team.id, name: team.displayName, source: 'scim' },
        members: 3,
        resources: { monitor: 2, status_page: 1 },
      });
      const { deletedBy, deletedAt, purgeAfter } = pending?.team ?? {};
      expect(deletedBy).toMatch(/^scim:/);
      expect(groups.token.startsWith(String(deletedBy).slice('scim:'.length))).toBe(true);
      expect(purgeAfter?.getTime()).toBeGreaterThanOrEqual(before + 30 * DAY_MS - 1000);
      expect(purgeAfter?.getTime()).toBe((deletedAt?.getTime() ?? 0) + 30 * DAY_MS);

      const restored = await api.app
        .get(RestoreTeam)
        .execute(orgId, team.id, 'admin:test@example.com');
      expect(restored).toMatchObject({ id: team.id, deletedAt: null, purgeAfter: null });
      const fetched = await groups.get(team.id);
      expect(fetched.displayName).toBe(team.displayName);
      expect(sorted((fetched.members ?? []).map((m) => m.value))).toEqual(sorted(members));
      expect(
        (await api.app.get(ListTeamResources).execute(orgId, team.id)).map((r) => r.name).sort(),
      ).toEqual(['API uptime', 'Status', 'Web uptime']);
      expect(
        (await api.app.get(ListDeletedTeams).execute(orgId)).map((d) => d.team.id),
      ).not.toContain(team.id);
      expect(await groups.idsMatching(`displayName eq "${team.displayName}"`)).toEqual([team.id]);
    });

    it('refuses to restore over a live team of the same name, or a team that is not deleted', async () => {
      const team = await aGroup();
      await groups.delete(team.id);
      const successor = await aGroup([], team.displayName.toUpperCase());
      const restore = api.app.get(RestoreTeam);
      await expect(restore.execute(orgId, team.id, 'admin:test@example.com')).rejects.toMatchObject(
        {
          code: 'TEAM_NAME_TAKEN',
        },
      );
      await expect(
        restore.execute(orgId, successor.id, 'admin:test@example.com'),
      ).rejects.toMatchObject({
        code: 'TEAM_NOT_PENDING_DELETION',
      });
      await expect(
        restore.execute(orgId, randomUUID(), 'admin:test@example.com'),
      ).rejects.toMatchObject({
        code: 'TEAM_NOT_FOUND',
      });
      expect((await api.app.get(ListDeletedTeams).execute(orgId)).map((d) => d.team.id)).toContain(
        team.id,
      );
    });

    it('deletes for good at once when the retention window is 0', async () => {
      const org = await api.createOrganization('No retention');
      await dataSource
        .getRepository('OrganizationEntity')
        .update({ id: org.orgId }, { deletedTeamRetentionDays: 0 });
      const immediate = new ScimGroups(api, org.scimToken);
      const members = await immediate.createUsers(2);
      const team = await immediate.create(aScimGroup({ members: memberValues(members) }));
      await giveResources(team.id, org.orgId);

      expect((await immediate.delete(team.id)).status).toBe(204);
      await expectScimError(await immediate.fetch(team.id), 404);
      expect(await api.app.get(ListDeletedTeams).execute(org.orgId)).toEqual([]);
      expect(await rowsWhere('teams', 'id', team.id)).toBe(0);
      expect(await rowsWhere('team_members', 'team_id', team.id)).toBe(0);
      expect(await rowsWhere('team_resources', 'team_id', team.id)).toBe(0);
      await expect(
        api.app.get(RestoreTeam).execute(org.orgId, team.id, 'admin:test@example.com'),
      ).rejects.toMatchObject({
        code: 'TEAM_NOT_FOUND',
      });
      // The users stay; only their membership went.
      expect(await immediate.users.get(nth(members, 0))).not.toHaveProperty('groups');
    });

    it('purges pending teams past their window, idempotently, and keeps those inside it', async () => {
      const org = await api.createOrganization('Purge');
      const purging = new ScimGroups(api, org.scimToken);
      const members = await purging.createUsers(2);
      const expired = await purging.create(aScimGroup({ members: memberValues(members) }));
      const recent = await purging.create(aScimGroup({ members: memberValues(members) }));
      const live = await purging.create(aScimGroup({ members: memberValues(members) }));
      await giveResources(expired.id, org.orgId);
      await purging.delete(expired.id);
      await purging.delete(recent.id);
      // As if `expired` had been deleted 31 days ago.
      const longAgo = new Date(Date.now() - 31 * DAY_MS);
      // The teams lib keeps its entity private; TypeORM knows it by name.
      await dataSource
        .getRepository<{ id: string; deletedAt: Date; purgeAfter: Date }>('TeamEntity')
        .update(
          { id: expired.id },
          { deletedAt: longAgo, purgeAfter: new Date(Date.now() - DAY_MS) },
        );

      const purge = api.app.get(PurgeDeletedTeams);
      expect(await purge.execute(new Date())).toBe(1);
      expect(await rowsWhere('teams', 'id', expired.id)).toBe(0);
      expect(await rowsWhere('team_members', 'team_id', expired.id)).toBe(0);
      expect(await rowsWhere('team_resources', 'team_id', expired.id)).toBe(0);
      expect(
        (await api.app.get(ListDeletedTeams).execute(org.orgId)).map((d) => d.team.id),
      ).toEqual([recent.id]);
      expect(await purge.execute(new Date())).toBe(0);

      const pendingEverywhere = await dataSource
        .createQueryBuilder()
        .select('1')
        .from('teams', 't')
        .where('t.purge_after IS NOT NULL')
        .getCount();
      const farFuture = new Date(Date.now() + 3650 * DAY_MS);
      expect(await purge.execute(farFuture)).toBe(pendingEverywhere);
      expect(await purge.execute(farFuture)).toBe(0);
      expect(await api.app.get(ListDeletedTeams).execute(org.orgId)).toEqual([]);
      expect(sorted(await purging.memberIds(live.id))).toEqual(sorted(members));
      for (const id of members) expect((await purging.users.fetch(id)).status).toBe(200);
    });
  });

  describe('roles from groups', () => {
    const roles = () => api.app.get(ResolveEffectiveRoles);

    it('gives members of a mapped group its role; an explicit roleName wins; leaving counts at once', async () => {
      const org = await api.createOrganization('Roles');
      const scoped = new ScimGroups(api, org.scimToken);
      await api.app
        .get(SetGroupRoleMapping)
        .execute(org.orgId, 'Rollcall Admins', 'admin', 'admin:test@example.com');
      const plain = (await scoped.users.create(aScimUser())).id;
      const explicit = (
        await scoped.users.create(aScimUser({ [ROLLCALL_URN]: { roleName: 'responder' } }))
      ).id;
      const outsider = (await scoped.users.create(aScimUser())).id;
      const admins = await scoped.create(
        aScimGroup({ displayName: 'Rollcall Admins', members: memberValues([plain, explicit]) }),
      );

      const resolved = await roles().execute(org.orgId, [plain, explicit, outsider]);
      expect(resolved.get(plain)).toEqual({
        role: 'admin',
        source: 'group',
        groupName: 'Rollcall Admins',
      });
      expect(resolved.get(explicit)).toEqual({ role: 'responder', source: 'roleName' });
      expect(resolved.get(outsider)).toEqual({ role: 'member', source: 'default' });

      await scoped.patched(admins.id, aRemoveMembersPatch([plain]));
      expect((await roles().execute(org.orgId, [plain])).get(plain)).toEqual({
        role: 'member',
        source: 'default',
      });
      await scoped.patched(admins.id, anAddMembersPatch([plain]));
      expect((await roles().execute(org.orgId, [plain])).get(plain)?.role).toBe('admin');
      // A deleted (pending) group grants nothing.
      await scoped.delete(admins.id);
      expect((await roles().execute(org.orgId, [plain])).get(plain)).toEqual({
        role: 'member',
        source: 'default',
      });
    });

    it('takes the most senior role of two mapped groups', async () => {
      const org = await api.createOrganization('Two roles');
      const scoped = new ScimGroups(api, org.scimToken);
      const mapping = api.app.get(SetGroupRoleMapping);
      await mapping.execute(org.orgId, 'Rollcall Admins', 'admin', 'admin:test@example.com');
      await mapping.execute(org.orgId, 'Team Leads', 'team_lead', 'admin:test@example.com');
      const user = await scoped.createUser();
      const leads = await scoped.create(
        aScimGroup({ displayName: 'Team Leads', members: memberValues([user]) }),
      );
      expect((await roles().execute(org.orgId, [user])).get(user)).toEqual({
        role: 'team_lead',
        source: 'group',
        groupName: 'Team Leads',
      });
      // Mapped by name, case-insensitively, as Entra's displayName matching.
      const admins = await scoped.create(
        aScimGroup({ displayName: 'rollcall admins', members: memberValues([user]) }),
      );
      expect((await roles().execute(org.orgId, [user])).get(user)).toMatchObject({
        role: 'admin',
        source: 'group',
      });
      await scoped.patched(admins.id, aPatch({ op: 'Remove', path: 'members' }));
      expect((await roles().execute(org.orgId, [user])).get(user)?.role).toBe('team_lead');
      expect(leads.id).toBeDefined();
    });
  });

  describe('tenant isolation', () => {
    let a: ScimGroups;
    let b: ScimGroups;
    let aUsers: string[];
    let aGroupOfA: ScimGroupResource;
    let bGroup: ScimGroupResource;

    beforeAll(async () => {
      a = new ScimGroups(api, (await api.createOrganization('Org A')).scimToken);
      b = new ScimGroups(api, (await api.createOrganization('Org B')).scimToken);
      aUsers = await a.createUsers(2);
      aGroupOfA = await a.create(aScimGroup({ members: memberValues(aUsers) }));
      bGroup = await b.create(aScimGroup());
    });

    it('org B cannot add org A’s users to its groups', async () => {
      const mine = await b.createUser();
      await expectScimError(
        await b.patch(bGroup.id, anAddMembersPatch([mine, nth(aUsers, 0)])),
        400,
        'invalidValue',
      );
      expect((await b.get(bGroup.id)).members).toEqual([]);
      await expectScimError(
        await b.post(aScimGroup({ members: memberValues([nth(aUsers, 1)]) })),
        400,
        'invalidValue',
      );
      await expectScimError(
        await b.put(
          bGroup.id,
          aScimGroup({ displayName: bGroup.displayName, members: memberValues(aUsers) }),
        ),
        400,
        'invalidValue',
      );
      expect((await b.get(bGroup.id)).members).toEqual([]);
    });

    it('org B cannot see, read, change or delete org A’s groups', async () => {
      await expectScimError(await b.fetch(aGroupOfA.id), 404);
      expect(await b.idsMatching(`id eq "${aGroupOfA.id}"`)).toEqual([]);
      expect(await b.idsMatching(`displayName eq "${aGroupOfA.displayName}"`)).toEqual([]);
      expect(await b.idsMatching(`members[value eq "${aUsers[0]}"]`)).toEqual([]);
      const all = await b.list({ count: 1000 });
      expect(all.Resources.map((g) => g.id)).toEqual([bGroup.id]);
      await expectScimError(
        await b.patch(aGroupOfA.id, aPatch({ op: 'Remove', path: 'members' })),
        404,
      );
      await expectScimError(await b.put(aGroupOfA.id, aScimGroup()), 404);
      await expectScimError(await b.delete(aGroupOfA.id), 404);
      expect(await a.get(aGroupOfA.id)).toEqual(aGroupOfA);
      expect(await a.memberIds(aGroupOfA.id)).toEqual(sorted(aUsers));
    });
  });
});
