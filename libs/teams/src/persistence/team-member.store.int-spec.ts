import { randomUUID } from 'node:crypto';
import type { Team } from '../domain/team';
import { TeamsDatabase, aRoleWatch } from './testing/teams-database.fixture';

// The team_members table through its store, on SQLite and (TEST_DB=postgres) PostgreSQL: a
// membership made or ended is told once, with the member's userName, in the transaction
// that made it; a retry tells nothing; reads stay a bounded number of statements.

let db: TeamsDatabase;

beforeAll(async () => {
  db = await TeamsDatabase.open();
});

afterAll(async () => {
  await db?.close();
});

afterEach(() => jest.restoreAllMocks());

const memberData = (team: Team, id: string, userName: string | null) => ({
  team: { id: team.id, displayName: team.name, externalId: team.externalId },
  user: { id, userName },
});

const add = (team: Team, ids: string[], names = new Map<string, string>()) =>
  db.run((tx) => db.members.add(tx, team, ids, names, new Date(), 'admin:spec'));

const memberIds = async (team: Team) =>
  (await db.run((tx) => db.members.memberIds(tx, team.id))).sort();

describe('TeamMemberStore', () => {
  it('adds members once, telling team.member_added for each new one, after the role changes', async () => {
    const org = await db.organization();
    const team = await db.team(org, 'Adders');
    const a = await db.user(org, 'a@example.com');
    const b = await db.user(org, 'b@example.com');
    const c = await db.user(org, 'c@example.com');
    const names = new Map([
      [a, 'a@example.com'],
      [b, 'b@example.com'],
      [c, 'c@example.com'],
    ]);
    const now = new Date('2026-01-01T00:00:00.000Z');

    const added = await db.run((tx) =>
      db.members.add(tx, team, [a, b, a], names, now, 'scim:rcs_abc'),
    );
    expect(added.sort()).toEqual([a, b].sort());
    // A retry (Entra's) keeps the rows and tells only the membership it made.
    const again = await db.run((tx) =>
      db.members.add(tx, team, [b, c], names, now, 'scim:rcs_abc', aRoleWatch(org, c)),
    );
    expect(again).toEqual([c]);

    expect(await memberIds(team)).toEqual([a, b, c].sort());
    const events = (await db.events(org)).slice(1);
    expect(events.map((event) => event.type)).toEqual([
      'team.member_added',
      'team.member_added',
      'user.role_changed',
      'team.member_added',
    ]);
    expect(events[3]).toEqual({
      type: 'team.member_added',
      actor: 'scim:rcs_abc',
      subject: { type: 'team', id: team.id },
      data: memberData(team, c, 'c@example.com'),
    });
    const [row] = await db.query<{ created_at: unknown }>(
      'SELECT created_at FROM team_members WHERE team_id = ? AND user_id = ?',
      [team.id, a],
    );
    expect(db.readDate(row?.created_at)).toEqual(now);
  });

  it('removes members, telling team.member_removed with the userName the directory has', async () => {
    const org = await db.organization();
    const team = await db.team(org, 'Removers');
    const a = await db.user(org, 'ra@example.com');
    const b = await db.user(org, 'rb@example.com');
    await add(team, [a, b]);
    const before = (await db.events(org)).length;

    const removed = await db.run((tx) =>
      db.members.remove(tx, team, [a, randomUUID()], 'admin:ada@example.com'),
    );
    expect(removed).toEqual([a]);
    // Removing someone who is not a member any more tells nothing.
    const none = await db.run((tx) => db.members.remove(tx, team, [a], 'admin:spec'));
    expect(none).toEqual([]);
    expect(await memberIds(team)).toEqual([b]);
    expect((await db.events(org)).slice(before)).toEqual([
      {
        type: 'team.member_removed',
        actor: 'admin:ada@example.com',
        subject: { type: 'team', id: team.id },
        data: memberData(team, a, 'ra@example.com'),
      },
    ]);
  });

  it('writes and tells nothing when the transaction rolls back', async () => {
    const org = await db.organization();
    const team = await db.team(org, 'Rolled');
    const a = await db.user(org, 'kept@example.com');
    const b = await db.user(org, 'never@example.com');
    await add(team, [a]);
    const before = await db.events(org);
    await db.rolledBack(async (tx) => {
      await db.members.add(tx, team, [b], new Map(), new Date(), 'admin:spec');
      await db.members.remove(tx, team, [a], 'admin:spec');
    });
    expect(await memberIds(team)).toEqual([a]);
    expect(await db.events(org)).toEqual(before);
  });

  it('takes a deleted user out of every team of the organization, one event per team', async () => {
    const org = await db.organization();
    const leaving = await db.user(org, 'leaving@example.com');
    const staying = await db.user(org, 'staying@example.com');
    const x = await db.team(org, 'Team X');
    const y = await db.team(org, 'Team Y');
    for (const team of [x, y]) await add(team, [leaving, staying]);
    // A team pending deletion is left too: the member would come back with it otherwise.
    const pending = await db.run((tx) =>
      db.teams.scheduleDeletion(tx, y, {
        deletedBy: 'admin:spec',
        at: new Date(),
        purgeAfter: new Date(Date.now() + 86_400_000),
      }),
    );
    const before = (await db.events(org)).length;

    const otherOrg = await db.organization();
    const elsewhere = await db.run((tx) =>
      db.members.removeUserFromTeams(tx, otherOrg, leaving, 'scim:rcs_abc'),
    );
    expect(elsewhere).toEqual([]);
    const left = await db.run((tx) =>
      db.members.removeUserFromTeams(tx, org, leaving, 'scim:rcs_abc'),
    );
    expect(left.sort()).toEqual([x.id, y.id].sort());
    expect(await db.count('team_members', 'user_id = ?', [leaving])).toBe(0);
    expect(await db.count('team_members', 'user_id = ?', [staying])).toBe(2);
    // The groups' members changed, so do their versions (ETags): once each.
    const [xAfter, yAfter] = await db.teams.teamsByIds(org, [x.id, y.id].sort());
    const versions = new Map([xAfter, yAfter].map((team) => [team?.id, team?.version]));
    expect(versions).toEqual(
      new Map([
        [x.id, x.version + 1],
        [y.id, pending.version + 1],
      ]),
    );
    const events = (await db.events(org)).slice(before);
    expect(events.map((event) => [event.type, event.actor])).toEqual([
      ['team.member_removed', 'scim:rcs_abc'],
      ['team.member_removed', 'scim:rcs_abc'],
    ]);
    const byTeam = new Map(events.map((event) => [event.subject.id, event.data]));
    expect(byTeam.get(x.id)).toEqual(memberData(x, leaving, 'leaving@example.com'));
    expect(byTeam.get(y.id)).toEqual(memberData(pending, leaving, 'leaving@example.com'));
  });

  it('takes a user in no team out of none in one statement, telling nothing', async () => {
    const org = await db.organization();
    const nobody = await db.user(org, 'nobody@example.com');
    const before = await db.events(org);
    const statements = await db.statementsDuring(async () => {
      const left = await db.run((tx) =>
        db.members.removeUserFromTeams(tx, org, nobody, 'scim:rcs_abc'),
      );
      expect(left).toEqual([]);
    });
    expect(statements.filter((sql) => /team|users/i.test(sql))).toHaveLength(1);
    expect(await db.events(org)).toEqual(before);
  });

  it('reads member ids in pages by id, one statement a page, and for several teams at once', async () => {
    const org = await db.organization();
    const team = await db.team(org, 'Chunked');
    const empty = await db.team(org, 'Empty');
    const ids: string[] = [];
    for (let i = 0; i < 7; i += 1) ids.push(await db.user(org, `chunk${i}@example.com`));
    await add(team, ids);
    const sorted = [...ids].sort();

    const pages = async (size: number) => {
      const read: string[][] = [];
      const statements = await db.statementsDuring(async () => {
        for await (const page of db.members.memberIdPages(team.id, size)) read.push(page);
      });
      return { read, statements: statements.length };
    };
    expect(await pages(3)).toEqual({
      read: [sorted.slice(0, 3), sorted.slice(3, 6), sorted.slice(6)],
      statements: 3,
    });
    // A team that fits in one page is one statement, also when it fills the page exactly.
    expect(await pages(7)).toEqual({ read: [sorted], statements: 1 });
    expect(await pages(6)).toEqual({ read: [sorted.slice(0, 6), sorted.slice(6)], statements: 2 });

    expect(await db.members.memberIdsOf([team.id, empty.id])).toEqual(
      new Map([
        [team.id, sorted],
        [empty.id, []],
      ]),
    );
  });

  it('lists the live teams of each user by name, in the organization only', async () => {
    const org = await db.organization();
    const ada = await db.user(org, 'ada@example.com');
    const bob = await db.user(org, 'bob@example.com');
    const nobody = await db.user(org, 'nobody@example.com');
    const zulu = await db.team(org, 'Zulu');
    const alpha = await db.team(org, 'Alpha');
    const gone = await db.team(org, 'Gone');
    for (const team of [zulu, alpha, gone]) await add(team, [ada]);
    await add(zulu, [bob]);
    await db.run((tx) =>
      db.teams.scheduleDeletion(tx, gone, {
        deletedBy: 'admin:spec',
        at: new Date(),
        purgeAfter: new Date(),
      }),
    );

    expect(await db.members.teamsOfUsers(org, [ada, bob, nobody])).toEqual(
      new Map([
        [
          ada,
          [
            { id: alpha.id, name: 'Alpha' },
            { id: zulu.id, name: 'Zulu' },
          ],
        ],
        [bob, [{ id: zulu.id, name: 'Zulu' }]],
        [nobody, []],
      ]),
    );
    expect(await db.members.teamsOfUsers(await db.organization(), [ada])).toEqual(
      new Map([[ada, []]]),
    );
  });
});
