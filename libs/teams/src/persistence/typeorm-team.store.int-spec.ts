import { randomUUID } from 'node:crypto';
import type { Team } from '../domain/team';
import { TeamsDatabase, aRoleWatch, aTeam } from './testing/teams-database.fixture';

// The teams table through its store, on SQLite and (TEST_DB=postgres) PostgreSQL: rows read
// back as written, every write appends its event in its own transaction (and nothing when
// that rolls back), and the role changes a write caused come before its own event.

let db: TeamsDatabase;

beforeAll(async () => {
  db = await TeamsDatabase.open();
});

afterAll(async () => {
  await db?.close();
});

const teamData = (team: Team) => ({
  id: team.id,
  displayName: team.name,
  externalId: team.externalId,
  source: team.source,
  createdAt: team.createdAt.toISOString(),
  updatedAt: team.updatedAt.toISOString(),
});

describe('TypeOrmTeamStore', () => {
  it('creates a team that reads back as written, told as team.created', async () => {
    const org = await db.organization();
    const team = {
      ...aTeam(org, 'Platform', new Date('2026-01-02T03:04:05.678Z')),
      externalId: 'ext-1',
    };
    await db.run((tx) => db.teams.create(tx, team, 'scim:rcs_abc'));

    expect(await db.teams.findLive(org, team.id)).toEqual(team);
    expect(await db.teams.findAny(org, team.id)).toEqual(team);
    expect(await db.teams.findLive(await db.organization(), team.id)).toBeNull();
    const [row] = await db.query<{ name_normalized: string }>(
      'SELECT name_normalized FROM teams WHERE id = ?',
      [team.id],
    );
    expect(row?.name_normalized).toBe('platform');
    expect(await db.events(org)).toEqual([
      {
        type: 'team.created',
        actor: 'scim:rcs_abc',
        subject: { type: 'team', id: team.id },
        data: { team: teamData(team) },
      },
    ]);
  });

  it('writes nothing, and tells nothing, when the transaction rolls back', async () => {
    const org = await db.organization();
    const team = aTeam(org, 'Gone');
    await db.rolledBack((tx) => db.teams.create(tx, team, 'admin:spec'));
    expect(await db.teams.findAny(org, team.id)).toBeNull();

    const kept = await db.team(org, 'Kept');
    await db.rolledBack(async (tx) => {
      await db.teams.update(tx, kept, { ...kept, name: 'Renamed', version: 2 }, 'admin:spec');
      await db.teams.purge(tx, [kept], 'admin:spec');
    });
    expect(await db.teams.findLive(org, kept.id)).toEqual(kept);
    expect((await db.events(org)).map((event) => event.type)).toEqual(['team.created']);
  });

  it('refuses a second live team of a name in any case, not in another organization', async () => {
    const org = await db.organization();
    const first = await db.team(org, 'Dup Team');
    await expect(
      db.run((tx) => db.teams.create(tx, aTeam(org, 'DUP team'), 'admin:spec')),
    ).rejects.toMatchObject({ code: 'TEAM_NAME_TAKEN' });
    await expect(db.team(await db.organization(), 'Dup Team')).resolves.toBeDefined();
    await db.run(async (tx) => {
      expect(await db.teams.nameTaken(tx, org, 'dup team')).toBe(true);
      expect(await db.teams.nameTaken(tx, org, 'dup team', first.id)).toBe(false);
      expect(await db.teams.liveTeamNamed(tx, org, 'dup team')).toBe(first.id);
      expect(await db.teams.liveTeamNamed(tx, org, 'other')).toBeNull();
    });
  });

  it('updates the row, telling team.updated only when the name or externalId changed', async () => {
    const org = await db.organization();
    const user = randomUUID();
    const team = await db.team(org, 'Before');
    const touched = { ...team, version: 2, updatedAt: new Date('2026-03-01T00:00:00.000Z') };
    await db.run((tx) => db.teams.update(tx, team, touched, 'admin:spec'));
    expect(await db.teams.findLive(org, team.id)).toEqual(touched);

    const renamed = { ...touched, name: 'After', externalId: 'ext-2', version: 3 };
    await db.run((tx) =>
      db.teams.update(tx, touched, renamed, 'scim:rcs_abc', aRoleWatch(org, user)),
    );
    expect(await db.teams.findLive(org, team.id)).toEqual(renamed);
    const events = await db.events(org);
    expect(events.map((event) => event.type)).toEqual([
      'team.created',
      'user.role_changed',
      'team.updated',
    ]);
    expect(events[2]).toEqual({
      type: 'team.updated',
      actor: 'scim:rcs_abc',
      subject: { type: 'team', id: team.id },
      data: { team: teamData(renamed), changed: ['displayName', 'externalId'] },
    });
  });

  it('moves a team to pending deletion and back, with what it holds', async () => {
    const org = await db.organization();
    const team = await db.team(org, 'Doomed');
    const member = await db.user(org, 'member@example.com');
    await db.run((tx) => db.members.add(tx, team, [member], new Map(), new Date(), 'admin:spec'));
    await db.run((tx) =>
      db.resources.create(
        tx,
        team,
        {
          id: randomUUID(),
          teamId: team.id,
          organizationId: org,
          kind: 'monitor',
          name: 'API',
          createdAt: new Date(),
        },
        'admin:spec',
      ),
    );
    const at = new Date('2026-04-01T00:00:00.000Z');
    const purgeAfter = new Date('2026-05-01T00:00:00.000Z');
    const deleted = await db.run((tx) =>
      db.teams.scheduleDeletion(tx, team, { deletedBy: 'scim:rcs_abc', at, purgeAfter }),
    );
    expect(deleted).toEqual({
      ...team,
      deletedAt: at,
      deletedBy: 'scim:rcs_abc',
      purgeAfter,
      updatedAt: at,
      version: 2,
    });
    expect(await db.teams.findLive(org, team.id)).toBeNull();
    expect(await db.teams.findAny(org, team.id)).toEqual(deleted);
    expect(await db.lists.listPendingDeletion(org)).toEqual([deleted]);
    expect(await db.run((tx) => db.teams.liveTeamNamed(tx, org, 'doomed'))).toBeNull();

    const restoredAt = new Date('2026-04-02T00:00:00.000Z');
    const restored = await db.run((tx) =>
      db.teams.restore(tx, deleted, 'admin:ada@example.com', restoredAt),
    );
    expect(restored).toEqual({ ...team, updatedAt: restoredAt, version: 3 });
    expect(await db.teams.findLive(org, team.id)).toEqual(restored);

    const events = (await db.events(org)).filter((event) => event.subject.id === team.id);
    expect(events.map((event) => event.type)).toEqual([
      'team.created',
      'team.member_added',
      'team.resource_created',
      'team.deletion_scheduled',
      'team.restored',
    ]);
    expect(events[3]).toEqual({
      type: 'team.deletion_scheduled',
      actor: 'scim:rcs_abc',
      subject: { type: 'team', id: team.id },
      data: {
        team: teamData(deleted),
        purgeAfter: purgeAfter.toISOString(),
        contents: { members: 1, resources: { monitor: 1 } },
      },
    });
    expect(events[4]?.data).toEqual({ team: teamData(restored) });
    expect(events[4]?.actor).toBe('admin:ada@example.com');
  });

  it('purges teams with their members and resources, one team.purged each with its contents', async () => {
    const org = await db.organization();
    const user = await db.user(org, 'purged@example.com');
    const [a, b] = [await db.team(org, 'Purge A'), await db.team(org, 'Purge B')];
    await db.run((tx) => db.members.add(tx, a, [user], new Map(), new Date(), 'admin:spec'));
    await db.run((tx) =>
      db.resources.create(
        tx,
        b,
        {
          id: randomUUID(),
          teamId: b.id,
          organizationId: org,
          kind: 'heartbeat',
          name: 'Cron',
          createdAt: new Date(),
        },
        'admin:spec',
      ),
    );
    await db.run((tx) => db.teams.purge(tx, [a, b], 'system:spec', aRoleWatch(org, user)));

    expect(await db.teams.findAny(org, a.id)).toBeNull();
    expect(await db.teams.findAny(org, b.id)).toBeNull();
    expect(await db.count('team_members', 'team_id = ?', [a.id])).toBe(0);
    expect(await db.count('team_resources', 'team_id = ?', [b.id])).toBe(0);
    const events = (await db.events(org)).slice(-3);
    expect(events).toEqual([
      expect.objectContaining({ type: 'user.role_changed' }),
      {
        type: 'team.purged',
        actor: 'system:spec',
        subject: { type: 'team', id: a.id },
        data: { team: teamData(a), contents: { members: 1, resources: {} } },
      },
      expect.objectContaining({
        type: 'team.purged',
        data: { team: teamData(b), contents: { members: 0, resources: { heartbeat: 1 } } },
      }),
    ]);
  });

  it('finds the teams due for purge, oldest window first, up to the limit', async () => {
    const org = await db.organization();
    const now = new Date('2030-01-01T00:00:00.000Z');
    const due: Team[] = [];
    for (const [name, days] of [
      ['Due late', -1],
      ['Due early', -3],
      ['Not due', 1],
    ] as const) {
      const team = await db.team(org, name);
      const deleted = await db.run((tx) =>
        db.teams.scheduleDeletion(tx, team, {
          deletedBy: 'admin:spec',
          at: now,
          purgeAfter: new Date(now.getTime() + days * 86_400_000),
        }),
      );
      if (days < 0) due.push(deleted);
    }
    const found = await db.run((tx) => db.teams.dueForPurge(tx, now, 10));
    const mine = found.filter((team) => team.organizationId === org);
    expect(mine.map((team) => team.name)).toEqual(['Due early', 'Due late']);
    expect(await db.run((tx) => db.teams.dueForPurge(tx, now, 1))).toHaveLength(1);
  });

  it('counts members and resources of several teams, zero for an empty or unknown one', async () => {
    const org = await db.organization();
    const [a, b] = [await db.team(org, 'Count A'), await db.team(org, 'Count B')];
    const users = [await db.user(org, 'c1@example.com'), await db.user(org, 'c2@example.com')];
    await db.run((tx) => db.members.add(tx, a, users, new Map(), new Date(), 'admin:spec'));
    for (const kind of ['monitor', 'monitor', 'status_page'] as const) {
      await db.run((tx) =>
        db.resources.create(
          tx,
          b,
          {
            id: randomUUID(),
            teamId: b.id,
            organizationId: org,
            kind,
            name: kind,
            createdAt: new Date(),
          },
          'admin:spec',
        ),
      );
    }
    const unknown = randomUUID();
    expect(await db.teams.contentsOf([a.id, b.id, unknown])).toEqual(
      new Map([
        [a.id, { members: 2, resources: {} }],
        [b.id, { members: 0, resources: { monitor: 2, status_page: 1 } }],
        [unknown, { members: 0, resources: {} }],
      ]),
    );
    expect(await db.teams.teamsByIds(org, [b.id, a.id, unknown])).toEqual(
      [a, b].sort((x, y) => (x.id < y.id ? -1 : 1)),
    );
  });
});
