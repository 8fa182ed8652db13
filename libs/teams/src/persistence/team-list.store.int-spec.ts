import { parseFilter } from '@rollcall/scim-core';
import type { Team } from '../domain/team';
import { TeamsDatabase } from './testing/teams-database.fixture';

// Lists of teams on SQLite and (TEST_DB=postgres) PostgreSQL: SCIM pages under a filter with
// their totals, the dashboard's list by name with a literal search, and the teams pending
// deletion, most recent first.

let db: TeamsDatabase;

beforeAll(async () => {
  db = await TeamsDatabase.open();
});

afterAll(async () => {
  await db?.close();
});

const deletion = (at: Date) => ({ deletedBy: 'admin:spec', at, purgeAfter: at });

describe('TeamListStore', () => {
  it('lists live teams by name, matching a search anywhere with %, _ and \\ taken literally', async () => {
    const org = await db.organization();
    for (const name of ['beta', 'Alpha', '100% Ops', 'a_b', 'axb', 'back\\slash']) {
      await db.team(org, name);
    }
    const pending = await db.team(org, 'Alpha pending');
    await db.run((tx) => db.teams.scheduleDeletion(tx, pending, deletion(new Date())));
    const names = async (search?: string) =>
      (await db.lists.listLive(org, search)).map((team) => team.name);
    expect(await names()).toEqual(['100% Ops', 'a_b', 'Alpha', 'axb', 'back\\slash', 'beta']);
    expect(await names('  ALP ')).toEqual(['Alpha']);
    expect(await names('%')).toEqual(['100% Ops']);
    expect(await names('_')).toEqual(['a_b']);
    expect(await names('\\')).toEqual(['back\\slash']);
    expect(await names('   ')).toHaveLength(6);
  });

  it('pages live teams under a SCIM filter, with totals', async () => {
    const org = await db.organization();
    const base = Date.parse('2026-06-01T00:00:00.000Z');
    const teams: Team[] = [];
    for (let i = 0; i < 5; i += 1) {
      teams.push(await db.team(org, `Paged ${i}`, new Date(base + i * 1000)));
    }
    const page = await db.lists.page(org, {
      startIndex: 2,
      count: 2,
      sortOrder: 'ascending',
    });
    expect(page).toEqual({ total: 5, teams: [teams[1], teams[2]] });
    const byName = await db.lists.page(org, {
      filter: parseFilter('displayName eq "paged 3"'),
      startIndex: 1,
      count: 100,
      sortOrder: 'ascending',
    });
    expect(byName).toEqual({ total: 1, teams: [teams[3]] });
    expect(await db.lists.page(org, { startIndex: 1, count: 0, sortOrder: 'descending' })).toEqual({
      total: 5,
      teams: [],
    });
  });

  it('lists the teams pending deletion, most recently deleted first, and no live one', async () => {
    const org = await db.organization();
    await db.team(org, 'Live');
    const deleted: Team[] = [];
    for (const [name, day] of [
      ['Old', 1],
      ['New', 3],
      ['Middle', 2],
    ] as const) {
      const team = await db.team(org, name);
      const at = new Date(`2026-07-0${day}T00:00:00.000Z`);
      deleted.push(await db.run((tx) => db.teams.scheduleDeletion(tx, team, deletion(at))));
    }
    const [old, recent, middle] = deleted;
    expect(await db.lists.listPendingDeletion(org)).toEqual([recent, middle, old]);
    expect(await db.lists.listPendingDeletion(await db.organization())).toEqual([]);
  });
});
