import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  Transactions,
  appendEvents,
  buildDataSourceOptions,
  createCacheInvalidation,
  runMigrations,
  type CacheInvalidation,
} from '@rollcall/db';
import { createFreshDatabase, type FreshDatabase } from '@rollcall/db/testing';
import type { OrganizationProfile } from '../domain/organization-profile';
import { OrganizationLookup } from '../persistence/organization.lookup';
import { OrganizationStore } from '../persistence/organization.store';
import {
  OrganizationSettingsHooks,
  type OrganizationSettingsUpdate,
} from './organization-settings.hooks';
import { UpdateOrganizationSettings } from './update-organization-settings.use-case';

// The settings hooks on SQLite and (TEST_DB=postgres) PostgreSQL: they hear a change that was
// written, inside its transaction and after its organization.updated, with the organization as
// it was and as it is; a change that changes nothing is not heard, and a hook that fails
// takes the whole change back with it.

const ACTOR = 'admin:ada@example.com';

let database: FreshDatabase;
let dataSource: DataSource;
let invalidation: CacheInvalidation;
let store: OrganizationStore;
let lookup: OrganizationLookup;
let transactions: Transactions;
let hooks: OrganizationSettingsHooks;
let settings: UpdateOrganizationSettings;
let heard: OrganizationSettingsUpdate[];
let failNext: Error | null;

async function eventTypes(organizationId: string): Promise<string[]> {
  const postgres = dataSource.options.type === 'postgres';
  const rows: { type: string }[] = await dataSource.query(
    `SELECT type FROM events WHERE organization_id = ${postgres ? '$1' : '?'} ORDER BY sequence`,
    [organizationId],
  );
  return rows.map((row) => row.type);
}

async function inserted(): Promise<OrganizationProfile> {
  const id = randomUUID();
  const at = new Date('2026-01-02T03:04:05.678Z');
  const organization: OrganizationProfile = {
    id,
    name: `Org ${id}`,
    slug: `org-${id}`,
    scimEnabled: true,
    deletedTeamRetentionDays: 30,
    defaultRole: 'member',
    createdAt: at,
    updatedAt: at,
  };
  await transactions.run((tx) => store.insert(tx, organization));
  return organization;
}

beforeAll(async () => {
  database = await createFreshDatabase();
  dataSource = await new DataSource(buildDataSourceOptions(database.config)).initialize();
  await runMigrations(dataSource);
  invalidation = createCacheInvalidation(dataSource);
  store = new OrganizationStore(dataSource, invalidation);
  lookup = new OrganizationLookup(dataSource);
  transactions = new Transactions(dataSource);
  hooks = new OrganizationSettingsHooks();
  settings = new UpdateOrganizationSettings(transactions, lookup, store, hooks);
  // A listener as a downhill feature registers one: it appends an event of its own.
  hooks.register(async (tx, update) => {
    heard.push(update);
    appendEvents(tx, [
      {
        organizationId: update.organizationId,
        type: 'user.role_changed',
        actor: update.actor,
        subject: { type: 'user', id: null },
        data: {},
      },
    ]);
    if (failNext) throw failNext;
    // The change is already written in the transaction the hook runs in.
    expect((await lookup.find(update.organizationId, tx))?.defaultRole).toBe(
      update.after.defaultRole,
    );
  });
});

beforeEach(() => {
  heard = [];
  failNext = null;
});

afterAll(async () => {
  await invalidation?.close();
  await dataSource?.destroy();
  await database?.drop();
});

describe('UpdateOrganizationSettings hooks', () => {
  it('hear a written change after its organization.updated, with the organization before and after', async () => {
    const organization = await inserted();

    const updated = await settings.execute(
      organization.id,
      { defaultRole: 'responder', scimEnabled: false },
      ACTOR,
    );

    expect(heard).toEqual([
      { organizationId: organization.id, before: organization, after: updated, actor: ACTOR },
    ]);
    expect(updated).toMatchObject({ defaultRole: 'responder', scimEnabled: false });
    expect(await eventTypes(organization.id)).toEqual([
      'organization.updated',
      'provisioning.disabled',
      'user.role_changed',
    ]);
  });

  it('are not run for a change that changes nothing', async () => {
    const organization = await inserted();
    await settings.execute(organization.id, { defaultRole: 'member', scimEnabled: true }, ACTOR);
    expect(heard).toEqual([]);
    expect(await eventTypes(organization.id)).toEqual([]);
  });

  it('take the whole change back when one fails: no setting, no event', async () => {
    const organization = await inserted();
    failNext = new Error('the hook failed');

    await expect(settings.execute(organization.id, { defaultRole: 'admin' }, ACTOR)).rejects.toBe(
      failNext,
    );

    expect(heard).toHaveLength(1);
    expect(await lookup.find(organization.id)).toEqual(organization);
    expect(await eventTypes(organization.id)).toEqual([]);
  });
});
