import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  Transactions,
  buildDataSourceOptions,
  createCacheInvalidation,
  runMigrations,
  type CacheInvalidation,
} from '@rollcall/db';
import { createFreshDatabase, type FreshDatabase } from '@rollcall/db/testing';
import type { OrganizationProfile } from '../domain/organization-profile';
import { SCIM_CREDENTIALS_TOPIC } from '../domain/scim-credentials.topic';
import { OrganizationLookup } from './organization.lookup';
import { OrganizationStore } from './organization.store';

// The organizations table through its store, on SQLite and (TEST_DB=postgres) PostgreSQL:
// what is written reads back, a settings change writes only what it gives, and every change
// appends its events in its own transaction.

let database: FreshDatabase;
let dataSource: DataSource;
let invalidation: CacheInvalidation;
let store: OrganizationStore;
let lookup: OrganizationLookup;
let transactions: Transactions;
let postgres: boolean;
const p = (n: number) => (postgres ? `$${n}` : '?');

interface EventRow {
  type: string;
  actor: string;
  subject_type: string;
  subject_id: string;
  data: unknown;
}

async function eventsOf(organizationId: string): Promise<EventRow[]> {
  const rows: EventRow[] = await dataSource.query(
    `SELECT type, actor, subject_type, subject_id, data FROM events
     WHERE organization_id = ${p(1)} ORDER BY sequence`,
    [organizationId],
  );
  return rows.map((row) => ({
    ...row,
    data: typeof row.data === 'string' ? JSON.parse(row.data) : row.data,
  }));
}

function anOrganization(overrides: Partial<OrganizationProfile> = {}): OrganizationProfile {
  const id = randomUUID();
  const at = new Date('2026-01-02T03:04:05.678Z');
  return {
    id,
    name: `Org ${id}`,
    slug: `org-${id}`,
    scimEnabled: true,
    deletedTeamRetentionDays: 30,
    defaultRole: 'member',
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}

async function inserted(overrides: Partial<OrganizationProfile> = {}) {
  const organization = anOrganization(overrides);
  await transactions.run((tx) => store.insert(tx, organization));
  return organization;
}

beforeAll(async () => {
  database = await createFreshDatabase();
  dataSource = await new DataSource(buildDataSourceOptions(database.config)).initialize();
  await runMigrations(dataSource);
  postgres = dataSource.options.type === 'postgres';
  invalidation = createCacheInvalidation(dataSource);
  store = new OrganizationStore(dataSource, invalidation);
  lookup = new OrganizationLookup(dataSource);
  transactions = new Transactions(dataSource);
});

afterAll(async () => {
  await invalidation?.close();
  await dataSource?.destroy();
  await database?.drop();
});

describe('OrganizationStore', () => {
  it('inserts an organization that reads back as written, with no event; counts and lists oldest first', async () => {
    expect(await store.count()).toBe(0);
    const later = await inserted({ createdAt: new Date('2026-02-01T00:00:00.000Z') });
    const first = await inserted({
      name: 'First',
      scimEnabled: false,
      deletedTeamRetentionDays: 0,
      defaultRole: 'responder',
      createdAt: new Date('2026-01-01T00:00:00.000Z'),
      updatedAt: new Date('2026-01-05T00:00:00.000Z'),
    });

    expect(await lookup.find(first.id)).toEqual(first);
    expect(await store.count()).toBe(2);
    expect(await store.list()).toEqual([first, later]);
    expect(await eventsOf(first.id)).toEqual([]);
  });

  it('locks an organization that exists, and tells one that does not', async () => {
    const organization = await inserted();
    expect(await transactions.run((tx) => store.lock(tx, organization.id))).toBe(true);
    expect(await transactions.run((tx) => store.lock(tx, randomUUID()))).toBe(false);
  });

  it('renames with organization.updated in the same transaction; a rollback leaves the name', async () => {
    const organization = await inserted({ name: 'Old name' });
    const at = new Date('2026-03-01T00:00:00.000Z');

    const rolledBack = new Error('rolled back');
    await expect(
      transactions.run(async (tx) => {
        await store.rename(tx, organization, 'Never', 'admin:ada@example.com', at);
        throw rolledBack;
      }),
    ).rejects.toBe(rolledBack);
    expect((await lookup.find(organization.id))?.name).toBe('Old name');
    expect(await eventsOf(organization.id)).toEqual([]);

    const renamed = await transactions.run((tx) =>
      store.rename(tx, organization, 'New name', 'admin:ada@example.com', at),
    );
    expect(renamed).toEqual({ ...organization, name: 'New name', updatedAt: at });
    expect(await lookup.find(organization.id)).toEqual(renamed);
    expect(await eventsOf(organization.id)).toEqual([
      {
        type: 'organization.updated',
        actor: 'admin:ada@example.com',
        subject_type: 'organization',
        subject_id: organization.id,
        data: { changed: ['name'], name: 'New name', previousName: 'Old name' },
      },
    ]);
  });

  it('writes only the settings given, and appends organization.updated then provisioning.disabled', async () => {
    const organization = await inserted({ scimEnabled: true, deletedTeamRetentionDays: 30 });
    // Changed since `organization` was read: a change that does not give it keeps it.
    await dataSource.query(`UPDATE organizations SET default_role = ${p(1)} WHERE id = ${p(2)}`, [
      'team_lead',
      organization.id,
    ]);
    const at = new Date('2026-04-01T00:00:00.000Z');
    const heard = jest.fn();
    const unsubscribe = invalidation.subscribe(SCIM_CREDENTIALS_TOPIC, heard);

    const updated = await transactions.run((tx) =>
      store.updateSettings(
        tx,
        organization,
        { scimEnabled: false, deletedTeamRetentionDays: 7 },
        'admin:ada@example.com',
        at,
      ),
    );
    unsubscribe();

    expect(updated).toEqual({
      ...organization,
      scimEnabled: false,
      deletedTeamRetentionDays: 7,
      updatedAt: at,
    });
    expect(await lookup.find(organization.id)).toEqual({
      ...updated,
      defaultRole: 'team_lead',
    });
    // Credential caches of this process hear of it at the commit (others by the signal).
    expect(heard).toHaveBeenCalled();
    const subject = { subject_type: 'organization', subject_id: organization.id };
    expect(await eventsOf(organization.id)).toEqual([
      {
        type: 'organization.updated',
        actor: 'admin:ada@example.com',
        ...subject,
        data: {
          changed: ['scimEnabled', 'deletedTeamRetentionDays'],
          settings: { scimEnabled: false, deletedTeamRetentionDays: 7, defaultRole: 'member' },
        },
      },
      { type: 'provisioning.disabled', actor: 'admin:ada@example.com', ...subject, data: {} },
    ]);
  });

  it('appends provisioning.enabled only when provisioning flips, and a rollback writes nothing', async () => {
    const organization = await inserted({ scimEnabled: false });
    const at = new Date('2026-05-01T00:00:00.000Z');

    const rolledBack = new Error('rolled back');
    await expect(
      transactions.run(async (tx) => {
        await store.updateSettings(tx, organization, { scimEnabled: true }, 'admin:a@b.c', at);
        throw rolledBack;
      }),
    ).rejects.toBe(rolledBack);
    expect(await lookup.find(organization.id)).toEqual(organization);
    expect(await eventsOf(organization.id)).toEqual([]);

    await transactions.run((tx) =>
      store.updateSettings(
        tx,
        organization,
        { scimEnabled: true, defaultRole: 'admin' },
        'admin:a@b.c',
        at,
      ),
    );
    const enabled = await lookup.find(organization.id);
    if (!enabled) throw new Error('expected the organization');
    await transactions.run((tx) =>
      store.updateSettings(
        tx,
        enabled,
        { scimEnabled: true, defaultRole: 'member' },
        'admin:a@b.c',
        at,
      ),
    );

    expect((await eventsOf(organization.id)).map((event) => [event.type, event.data])).toEqual([
      [
        'organization.updated',
        {
          changed: ['scimEnabled', 'defaultRole'],
          settings: { scimEnabled: true, deletedTeamRetentionDays: 30, defaultRole: 'admin' },
        },
      ],
      ['provisioning.enabled', {}],
      [
        'organization.updated',
        {
          changed: ['defaultRole'],
          settings: { scimEnabled: true, deletedTeamRetentionDays: 30, defaultRole: 'member' },
        },
      ],
    ]);
  });
});
