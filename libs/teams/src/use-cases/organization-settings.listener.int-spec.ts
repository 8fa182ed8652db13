import type { RoleName } from '@rollcall/contracts';
import type { Tx } from '@rollcall/db';
import { UserLookup } from '@rollcall/directory';
import {
  OrganizationLookup,
  OrganizationSettingsHooks,
  type OrganizationProfile,
} from '@rollcall/organizations';
import type { Team } from '../domain/team';
import { TeamsDatabase, type StoredEvent } from '../persistence/testing/teams-database.fixture';
import { EffectiveRoleChanges } from './effective-role.changes';
import { OrganizationSettingsListener } from './organization-settings.listener';
import { ResolveEffectiveRoles, type EffectiveRole } from './resolve-effective-roles.use-case';

// A new default role told as `user.role_changed`, on SQLite and (TEST_DB=postgres) PostgreSQL:
// once for each user whose role was the default, as resolving the roles before and after the
// change tells it, in pages of users whatever their number, and not at all when the settings
// transaction rolls back. The settings write is organizations'; here the organization's row is
// written directly, and its hooks run as UpdateOrganizationSettings runs them.

const ACTOR = 'admin:ada@example.com';

let db: TeamsDatabase;
let organizations: OrganizationLookup;
let resolve: ResolveEffectiveRoles;
let hooks: OrganizationSettingsHooks;

beforeAll(async () => {
  db = await TeamsDatabase.open();
  const users = new UserLookup(db.dataSource);
  organizations = new OrganizationLookup(db.dataSource);
  resolve = new ResolveEffectiveRoles(organizations, users, db.mappings);
  hooks = new OrganizationSettingsHooks();
  new OrganizationSettingsListener(
    hooks,
    new EffectiveRoleChanges(resolve, db.mappings, users),
  ).onModuleInit();
});

afterAll(async () => {
  await db?.close();
});

async function profile(organizationId: string): Promise<OrganizationProfile> {
  const found = await organizations.find(organizationId);
  if (!found) throw new Error(`No organization ${organizationId}`);
  return found;
}

/** The settings change as the organization's use case makes it: the row, then the hooks. */
async function changeDefaultRole(
  organizationId: string,
  defaultRole: RoleName,
  commit: 'commit' | 'roll back' = 'commit',
): Promise<void> {
  const before = await profile(organizationId);
  const write = async (tx: Tx) => {
    const after = { ...before, defaultRole };
    await hooks.run(tx, { organizationId, before, after, actor: ACTOR });
  };
  if (commit === 'roll back') {
    await db.rolledBack(write);
    return;
  }
  await db.query('UPDATE organizations SET default_role = ? WHERE id = ?', [
    defaultRole,
    organizationId,
  ]);
  await db.run(write);
}

const add = (team: Team, ids: string[]) =>
  db.run((tx) => db.members.add(tx, team, ids, new Map(), new Date(), 'admin:spec'));

const mapGroup = (organizationId: string, groupName: string, role: RoleName) =>
  db.run((tx) =>
    db.mappings.set(
      tx,
      {
        organizationId,
        groupName,
        groupNameNormalized: groupName.toLowerCase(),
        role,
        createdAt: new Date(),
      },
      'admin:spec',
    ),
  );

/** The role changes among `events`, as `[userId, previousRole, role]`. */
function roleChanges(events: StoredEvent[]): [string, unknown, unknown][] {
  return events
    .filter((event) => event.type === 'user.role_changed')
    .map((event) => [
      (event.data['user'] as { id: string }).id,
      event.data['previousRole'],
      event.data['role'],
    ]);
}

describe('OrganizationSettingsListener', () => {
  it('tells the new default role to every user who had the default, and to no one else', async () => {
    const org = await db.organization();
    const other = await db.organization();
    const plain = await db.user(org, 'plain@example.com');
    const deactivated = await db.user(org, 'gone@example.com', { active: false });
    const explicit = await db.user(org, 'lead@example.com', { role: 'team_lead' });
    // Already holds the new role, but as their own: their role does not move.
    const explicitNew = await db.user(org, 'resp@example.com', { role: 'responder' });
    const mapped = await db.user(org, 'oncall@example.com');
    const unmappedMember = await db.user(org, 'sales@example.com');
    const deletedTeamMember = await db.user(org, 'old@example.com');
    const stranger = await db.user(other, 'plain@example.com');
    const oncall = await db.team(org, 'On-call');
    const deleted = await db.team(org, 'Old admins');
    await mapGroup(org, 'On-call', 'responder');
    await mapGroup(org, 'Old admins', 'admin');
    await add(oncall, [mapped]);
    await add(await db.team(org, 'Sales'), [unmappedMember]);
    await add(deleted, [deletedTeamMember]);
    await db.run((tx) =>
      db.teams.scheduleDeletion(tx, deleted, {
        deletedBy: 'admin:spec',
        at: new Date(),
        purgeAfter: new Date(),
      }),
    );
    const everyone = [
      plain,
      deactivated,
      explicit,
      explicitNew,
      mapped,
      unmappedMember,
      deletedTeamMember,
    ];
    const rolesBefore = await resolve.execute(org, everyone);
    const start = (await db.events(org)).length;

    await changeDefaultRole(org, 'responder');

    const rolesAfter = await resolve.execute(org, everyone);
    const moved = everyone.filter((id) => rolesBefore.get(id)?.role !== rolesAfter.get(id)?.role);
    expect(moved.sort()).toEqual([plain, deactivated, unmappedMember, deletedTeamMember].sort());
    const events = (await db.events(org)).slice(start);
    const expected = moved.map((id): [string, EffectiveRole, EffectiveRole] => [
      id,
      { role: 'member', source: 'default' },
      { role: 'responder', source: 'default' },
    ]);
    expect(roleChanges(events).sort()).toEqual(expected.sort());
    for (const [id, was, is] of roleChanges(events)) {
      expect([was, is]).toEqual([rolesBefore.get(id), rolesAfter.get(id)]);
    }
    const byUser = new Map(events.map((event) => [event.subject.id, event]));
    expect(byUser.get(deactivated)).toEqual({
      type: 'user.role_changed',
      actor: ACTOR,
      subject: { type: 'user', id: deactivated },
      data: {
        user: { id: deactivated, userName: 'gone@example.com' },
        role: { role: 'responder', source: 'default' },
        previousRole: { role: 'member', source: 'default' },
      },
    });
    // The other organization's user, with no role of their own either, keeps its default.
    expect(roleChanges(await db.events(other))).toEqual([]);
    expect(events.some((event) => event.subject.id === stranger)).toBe(false);
  });

  it('tells nothing when the default role stays, or when the change rolls back', async () => {
    const org = await db.organization();
    await db.user(org, 'plain@example.com');
    const start = (await db.events(org)).length;

    await db.run(async (tx) => {
      const same = await profile(org);
      await hooks.run(tx, {
        organizationId: org,
        before: same,
        after: { ...same, deletedTeamRetentionDays: 7 },
        actor: ACTOR,
      });
    });
    await changeDefaultRole(org, 'admin', 'roll back');

    expect((await db.events(org)).slice(start)).toEqual([]);
  });

  it('reads 12,000 users in pages of 5,000, two statements a page', async () => {
    const org = await db.organization();
    const ids = await db.manyUsers(org, 12_000);
    const mappedIds = ids.slice(0, 1_000);
    await mapGroup(org, 'Responders', 'responder');
    await add(await db.team(org, 'Responders'), mappedIds);
    const start = (await db.events(org)).length;

    const statements = await db.statementsDuring(() => changeDefaultRole(org, 'team_lead'));

    expect(statements.filter((sql) => /\bFROM users\b/.test(sql))).toHaveLength(3);
    expect(statements.filter((sql) => /\bFROM team_members\b/.test(sql))).toHaveLength(3);
    const told = roleChanges((await db.events(org)).slice(start)).map(([id]) => id);
    expect(told).toHaveLength(11_000);
    // Page by page, in id order.
    expect(told).toEqual(ids.slice(1_000).sort());
  }, 120_000);
});
