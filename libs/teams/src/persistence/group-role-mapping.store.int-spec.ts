import type { RoleName } from '@rollcall/contracts';
import type { GroupRoleMapping } from '../domain/group-role-mapping';
import type { Team } from '../domain/team';
import { TeamsDatabase, aRoleWatch } from './testing/teams-database.fixture';

// The group_role_mappings table through its store, on SQLite and (TEST_DB=postgres)
// PostgreSQL: one mapping per group name in any case, each set and removal told in its
// transaction after the role changes it caused, and the roles members hold through them.

let db: TeamsDatabase;

beforeAll(async () => {
  db = await TeamsDatabase.open();
});

afterAll(async () => {
  await db?.close();
});

function aMapping(
  organizationId: string,
  groupName: string,
  role: RoleName,
  at = new Date(),
): GroupRoleMapping {
  return {
    organizationId,
    groupName,
    groupNameNormalized: groupName.toLowerCase(),
    role,
    createdAt: at,
  };
}

const set = (mapping: GroupRoleMapping) =>
  db.run((tx) => db.mappings.set(tx, mapping, 'admin:spec'));

describe('GroupRoleMappingStore', () => {
  it('sets one mapping per group name, the latest replacing the last, told as group_role_mapping.set', async () => {
    const org = await db.organization();
    const first = aMapping(org, 'Admins', 'admin', new Date('2026-01-01T00:00:00.000Z'));
    const billing = aMapping(org, 'Billing', 'billing_admin');
    await set(first);
    await set(billing);
    const replaced = aMapping(org, 'ADMINS', 'team_lead', new Date('2026-02-01T00:00:00.000Z'));
    await db.run((tx) =>
      db.mappings.set(tx, replaced, 'admin:ada@example.com', aRoleWatch(org, 'u1')),
    );

    expect(await db.mappings.list(org)).toEqual([replaced, billing]);
    expect(await db.mappings.list(await db.organization())).toEqual([]);
    const events = await db.events(org);
    expect(events.map((event) => event.type)).toEqual([
      'group_role_mapping.set',
      'group_role_mapping.set',
      'user.role_changed',
      'group_role_mapping.set',
    ]);
    expect(events[3]).toEqual({
      type: 'group_role_mapping.set',
      actor: 'admin:ada@example.com',
      subject: { type: 'group_role_mapping', id: 'admins' },
      data: { groupName: 'ADMINS', role: 'team_lead' },
    });
    await db.run(async (tx) => {
      expect(await db.mappings.isMapped(tx, org, 'admins')).toBe(true);
      expect(await db.mappings.isMapped(tx, org, 'ADMINS')).toBe(false);
      expect(await db.mappings.isMapped(tx, org, 'others')).toBe(false);
    });
  });

  it('removes a mapping, telling group_role_mapping.removed only when there was one', async () => {
    const org = await db.organization();
    await set(aMapping(org, 'Leads', 'team_lead'));
    const before = (await db.events(org)).length;

    const removed = await db.run((tx) =>
      db.mappings.remove(tx, org, 'LEADS', 'admin:ada@example.com', aRoleWatch(org, 'u1')),
    );
    expect(removed).toBe(true);
    expect(await db.run((tx) => db.mappings.remove(tx, org, 'Leads', 'admin:spec'))).toBe(false);
    expect(await db.mappings.list(org)).toEqual([]);
    expect((await db.events(org)).slice(before)).toEqual([
      expect.objectContaining({ type: 'user.role_changed' }),
      {
        type: 'group_role_mapping.removed',
        actor: 'admin:ada@example.com',
        subject: { type: 'group_role_mapping', id: 'leads' },
        data: { groupName: 'LEADS' },
      },
    ]);
  });

  it('writes and tells nothing when the transaction rolls back', async () => {
    const org = await db.organization();
    const kept = aMapping(org, 'Kept', 'responder');
    await set(kept);
    const before = await db.events(org);
    await db.rolledBack(async (tx) => {
      await db.mappings.set(tx, aMapping(org, 'Never', 'admin'), 'admin:spec');
      await db.mappings.remove(tx, org, 'Kept', 'admin:spec');
    });
    expect(await db.mappings.list(org)).toEqual([kept]);
    expect(await db.events(org)).toEqual(before);
  });

  it('answers the roles users hold through mapped live teams of their organization', async () => {
    const org = await db.organization();
    const ada = await db.user(org, 'ada@example.com');
    const bob = await db.user(org, 'bob@example.com');
    const eve = await db.user(org, 'eve@example.com');
    const admins = await db.team(org, 'Admins');
    const leads = await db.team(org, 'Leads');
    const unmapped = await db.team(org, 'Unmapped');
    const deleted = await db.team(org, 'Deleted');
    await set(aMapping(org, 'admins', 'admin'));
    await set(aMapping(org, 'LEADS', 'team_lead'));
    await set(aMapping(org, 'Deleted', 'admin'));
    const add = (team: Team, ids: string[]) =>
      db.run((tx) => db.members.add(tx, team, ids, new Map(), new Date(), 'admin:spec'));
    await add(admins, [ada]);
    await add(leads, [ada, bob]);
    await add(unmapped, [eve]);
    await add(deleted, [eve]);
    await db.run((tx) =>
      db.teams.scheduleDeletion(tx, deleted, {
        deletedBy: 'admin:spec',
        at: new Date(),
        purgeAfter: new Date(),
      }),
    );

    const roles = await db.mappings.mappedRoles(org, [ada, bob, eve]);
    const sorted = roles.sort((x, y) => (`${x.userId}${x.role}` < `${y.userId}${y.role}` ? -1 : 1));
    expect(sorted).toEqual(
      [
        { userId: ada, role: 'admin', groupName: 'Admins' },
        { userId: ada, role: 'team_lead', groupName: 'Leads' },
        { userId: bob, role: 'team_lead', groupName: 'Leads' },
      ].sort((x, y) => (`${x.userId}${x.role}` < `${y.userId}${y.role}` ? -1 : 1)),
    );
    expect(await db.mappings.mappedRoles(await db.organization(), [ada])).toEqual([]);
    expect(await db.mappings.mappedRoles(org, [])).toEqual([]);
  });

  it('answers which users hold a role through a mapped live team, in one statement', async () => {
    const org = await db.organization();
    const other = await db.organization();
    const [ada, bob, eve, zoe] = [
      await db.user(org, 'ada@example.com'),
      await db.user(org, 'bob@example.com'),
      await db.user(org, 'eve@example.com'),
      await db.user(org, 'zoe@example.com'),
    ];
    const add = (team: Team, ids: string[]) =>
      db.run((tx) => db.members.add(tx, team, ids, new Map(), new Date(), 'admin:spec'));
    // Ada twice (two mapped teams), Bob once; Eve only in an unmapped team and a deleted
    // mapped one; Zoe in no team. The other organization maps a group of the same name.
    const admins = await db.team(org, 'Admins');
    const leads = await db.team(org, 'Leads');
    const deleted = await db.team(org, 'Deleted');
    await set(aMapping(org, 'Admins', 'admin'));
    await set(aMapping(org, 'Leads', 'team_lead'));
    await set(aMapping(org, 'Deleted', 'admin'));
    await set(aMapping(other, 'Unmapped', 'admin'));
    await add(admins, [ada]);
    await add(leads, [ada, bob]);
    await add(await db.team(org, 'Unmapped'), [eve]);
    await add(deleted, [eve]);
    await db.run((tx) =>
      db.teams.scheduleDeletion(tx, deleted, {
        deletedBy: 'admin:spec',
        at: new Date(),
        purgeAfter: new Date(),
      }),
    );

    let holders = new Set<string>();
    const statements = await db.statementsDuring(() =>
      db.run(async (tx) => {
        holders = await db.mappings.holders(tx, org, [ada, bob, eve, zoe]);
      }),
    );
    expect([...holders].sort()).toEqual([ada, bob].sort());
    expect(statements.filter((sql) => sql.includes('team_members'))).toHaveLength(1);
    await db.run(async (tx) => {
      expect(await db.mappings.holders(tx, other, [ada, bob, eve])).toEqual(new Set());
      expect(await db.mappings.holders(tx, org, [])).toEqual(new Set());
    });
  });
});
