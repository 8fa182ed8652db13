import { randomUUID } from 'node:crypto';
import type { Team } from '../domain/team';
import type { TeamResource } from '../domain/team-resource';
import type { TeamResourceKind } from '../domain/team-resource-kind';
import { TeamsDatabase } from './testing/teams-database.fixture';

// The team_resources table through its store, on SQLite and (TEST_DB=postgres) PostgreSQL:
// resources read back as written, each creation and deletion is told in its transaction, and
// nothing of another team or organization is ever touched.

let db: TeamsDatabase;

beforeAll(async () => {
  db = await TeamsDatabase.open();
});

afterAll(async () => {
  await db?.close();
});

function aResource(
  team: Team,
  kind: TeamResourceKind,
  name: string,
  at = new Date(),
): TeamResource {
  return {
    id: randomUUID(),
    teamId: team.id,
    organizationId: team.organizationId,
    kind,
    name,
    createdAt: at,
  };
}

const teamData = (team: Team) => ({
  id: team.id,
  displayName: team.name,
  externalId: team.externalId,
  source: team.source,
  createdAt: team.createdAt.toISOString(),
  updatedAt: team.updatedAt.toISOString(),
});

describe('TeamResourceStore', () => {
  it('creates resources that list back by kind then name, told as team.resource_created', async () => {
    const org = await db.organization();
    const team = await db.team(org, 'Owners');
    const at = new Date('2026-02-03T04:05:06.789Z');
    const resources = [
      aResource(team, 'status_page', 'Public', at),
      aResource(team, 'monitor', 'Web', at),
      aResource(team, 'monitor', 'API', at),
    ];
    for (const resource of resources) {
      await db.run((tx) => db.resources.create(tx, team, resource, 'admin:ada@example.com'));
    }
    const [statusPage, web, api] = resources;
    expect(await db.resources.list(org, team.id)).toEqual([api, web, statusPage]);
    expect(await db.resources.list(await db.organization(), team.id)).toEqual([]);
    expect((await db.events(org))[1]).toEqual({
      type: 'team.resource_created',
      actor: 'admin:ada@example.com',
      subject: { type: 'team', id: team.id },
      data: {
        team: teamData(team),
        resource: { id: statusPage?.id, kind: 'status_page', name: 'Public' },
      },
    });
  });

  it('deletes a resource of the team only, told as team.resource_deleted', async () => {
    const org = await db.organization();
    const team = await db.team(org, 'Deleters');
    const neighbour = await db.team(org, 'Neighbour');
    const resource = aResource(team, 'heartbeat', 'Cron');
    const theirs = aResource(neighbour, 'heartbeat', 'Theirs');
    await db.run((tx) => db.resources.create(tx, team, resource, 'admin:spec'));
    await db.run((tx) => db.resources.create(tx, neighbour, theirs, 'admin:spec'));
    const before = (await db.events(org)).length;

    const elsewhere = await db.run((tx) => db.resources.delete(tx, team, theirs.id, 'admin:spec'));
    expect(elsewhere).toBeNull();
    const deleted = await db.run((tx) =>
      db.resources.delete(tx, team, resource.id, 'scim:rcs_abc'),
    );
    expect(deleted).toEqual(resource);
    expect(
      await db.run((tx) => db.resources.delete(tx, team, resource.id, 'admin:spec')),
    ).toBeNull();
    expect(await db.resources.list(org, team.id)).toEqual([]);
    expect(await db.resources.list(org, neighbour.id)).toEqual([theirs]);
    expect((await db.events(org)).slice(before)).toEqual([
      {
        type: 'team.resource_deleted',
        actor: 'scim:rcs_abc',
        subject: { type: 'team', id: team.id },
        data: {
          team: teamData(team),
          resource: { id: resource.id, kind: 'heartbeat', name: 'Cron' },
        },
      },
    ]);
  });

  it('writes and tells nothing when the transaction rolls back', async () => {
    const org = await db.organization();
    const team = await db.team(org, 'Rollback');
    const kept = aResource(team, 'on_call_calendar', 'Rota');
    await db.run((tx) => db.resources.create(tx, team, kept, 'admin:spec'));
    const before = await db.events(org);
    await db.rolledBack(async (tx) => {
      await db.resources.create(tx, team, aResource(team, 'monitor', 'Never'), 'admin:spec');
      await db.resources.delete(tx, team, kept.id, 'admin:spec');
    });
    expect(await db.resources.list(org, team.id)).toEqual([kept]);
    expect(await db.events(org)).toEqual(before);
  });
});
