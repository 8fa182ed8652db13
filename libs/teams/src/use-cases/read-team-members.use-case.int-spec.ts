import { UserLookup } from '@rollcall/directory';
import { TeamsDatabase } from '../persistence/testing/teams-database.fixture';
import { ReadTeamMembers } from './read-team-members.use-case';

// Member lists joined to the directory's users through its port, on SQLite and
// (TEST_DB=postgres) PostgreSQL: ids from team_members, names and states from one
// `UserLookup` call per page, never one per member.

let db: TeamsDatabase;
let read: ReadTeamMembers;

beforeAll(async () => {
  db = await TeamsDatabase.open();
  read = new ReadTeamMembers(db.members, new UserLookup(db.dataSource));
});

afterAll(async () => {
  await db?.close();
});

describe('ReadTeamMembers', () => {
  it('streams a 10,000-member group in chunks from two statements', async () => {
    const org = await db.organization();
    const team = await db.team(org, 'Everyone');
    const ids = await db.manyUsers(org, 10_000);
    await db.run((tx) => db.members.add(tx, team, ids, new Map(), new Date(), 'admin:spec'));

    const chunks: number[] = [];
    const seen: string[] = [];
    const statements = await db.statementsDuring(async () => {
      for await (const chunk of read.chunks(org, team.id)) {
        chunks.push(chunk.length);
        seen.push(...chunk.map((member) => member.userId));
      }
    });
    expect(statements).toHaveLength(2);
    expect(chunks).toEqual(Array.from({ length: 10 }, () => 1000));
    expect(seen).toEqual([...ids].sort());
  }, 120_000);

  it('answers names and states as the directory has them, in id order, for one team or several', async () => {
    const org = await db.organization();
    const ada = await db.user(org, 'ada@example.com', { displayName: 'Ada Lovelace' });
    const bob = await db.user(org, 'bob@example.com', { active: false });
    const [first, second] = [await db.team(org, 'First'), await db.team(org, 'Second')];
    const empty = await db.team(org, 'Empty');
    await db.run((tx) =>
      db.members.add(tx, first, [bob, ada], new Map(), new Date(), 'admin:spec'),
    );
    await db.run((tx) => db.members.add(tx, second, [bob], new Map(), new Date(), 'admin:spec'));
    const adaMember = {
      userId: ada,
      userName: 'ada@example.com',
      displayName: 'Ada Lovelace',
      active: true,
    };
    const bobMember = {
      userId: bob,
      userName: 'bob@example.com',
      displayName: null,
      active: false,
    };
    const inOrder = ada < bob ? [adaMember, bobMember] : [bobMember, adaMember];

    const chunks = [];
    for await (const chunk of read.chunks(org, first.id, 1)) chunks.push(chunk);
    expect(chunks).toEqual(inOrder.map((member) => [member]));
    expect(await read.first(org, first.id, 1)).toEqual(inOrder.slice(0, 1));
    expect(await read.first(org, empty.id, 200)).toEqual([]);

    const statements = await db.statementsDuring(async () => {
      expect(await read.ofTeams(org, [first.id, second.id, empty.id])).toEqual(
        new Map([
          [first.id, inOrder],
          [second.id, [bobMember]],
          [empty.id, []],
        ]),
      );
    });
    expect(statements).toHaveLength(2);
    // Another organization's reader sees nobody by these ids.
    expect(await read.first(await db.organization(), first.id, 200)).toEqual([]);
  });
});
