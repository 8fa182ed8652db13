import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  appendEvents,
  buildDataSourceOptions,
  inTransaction,
  runMigrations,
  type NewEvent,
} from '@rollcall/db';
import { createFreshDatabase, insertOrganization, type FreshDatabase } from '@rollcall/db/testing';
import { WebhookEndpointStore } from './webhook-endpoint.store';

// webhook_endpoints on SQLite and (TEST_DB=postgres) PostgreSQL: an endpoint starts at the
// feed's end, belongs to one organization, and enabling it again starts it afresh.

let database: FreshDatabase;
let dataSource: DataSource;
let store: WebhookEndpointStore;
let postgres: boolean;
const p = (n: number) => (postgres ? `$${n}` : '?');

const createOrganization = (): Promise<string> => insertOrganization(dataSource);

function events(organizationId: string, count: number): Promise<void> {
  const list: NewEvent[] = Array.from({ length: count }, () => ({
    organizationId,
    type: 'user.updated',
    actor: 'scim:rc_test',
    subject: { type: 'user', id: randomUUID() },
    data: {},
  }));
  return inTransaction(dataSource, async (manager) => appendEvents(manager, list));
}

async function createEndpoint(organizationId: string, url = 'https://hooks.example.com/a') {
  const id = randomUUID();
  await inTransaction(dataSource, (manager) =>
    store.insert(manager, {
      id,
      organizationId,
      url,
      description: 'Billing',
      eventTypes: ['user.created', 'team.created'],
      secretSealed: 'sealed',
      at: new Date(),
    }),
  );
  return id;
}

const cursorOf = async (id: string) => {
  const rows = (await dataSource.query(`SELECT cursor FROM webhook_endpoints WHERE id = ${p(1)}`, [
    id,
  ])) as { cursor: unknown }[];
  return Number(rows[0]?.cursor);
};

beforeAll(async () => {
  database = await createFreshDatabase();
  dataSource = await new DataSource(buildDataSourceOptions(database.config)).initialize();
  postgres = database.config.dialect === 'postgres';
  await runMigrations(dataSource);
  store = new WebhookEndpointStore(dataSource);
});

afterAll(async () => {
  await dataSource?.destroy();
  await database?.drop();
});

describe('webhook endpoints', () => {
  it('stores an endpoint whose cursor starts at the organization’s last event', async () => {
    const organizationId = await createOrganization();
    const fresh = await createEndpoint(organizationId);
    expect(await cursorOf(fresh)).toBe(0);
    await events(organizationId, 3);
    const later = await createEndpoint(organizationId);
    expect(await cursorOf(later)).toBe(3);
    const found = await store.find(organizationId, later);
    expect(found).toEqual({
      id: later,
      organizationId,
      url: 'https://hooks.example.com/a',
      description: 'Billing',
      eventTypes: ['user.created', 'team.created'],
      enabled: true,
      failingSince: null,
      createdAt: expect.any(Date),
      updatedAt: expect.any(Date),
      pendingDeliveries: 0,
    });
    expect((await store.list(organizationId)).map((e) => e.id)).toEqual([fresh, later]);
  });

  it('never finds, changes or deletes another organization’s endpoint', async () => {
    const [mine, theirs] = [await createOrganization(), await createOrganization()];
    const id = await createEndpoint(mine);
    expect(await store.find(theirs, id)).toBeNull();
    expect(await store.list(theirs)).toEqual([]);
    await inTransaction(dataSource, async (manager) => {
      expect(
        await store.update(manager, theirs, id, { url: 'https://x.example/' }, new Date()),
      ).toBe(false);
      expect(await store.delete(manager, theirs, id)).toBe(false);
    });
    expect((await store.find(mine, id))?.url).toBe('https://hooks.example.com/a');
    await inTransaction(dataSource, async (manager) => {
      expect(await store.count(manager, mine)).toBe(1);
      expect(await store.delete(manager, mine, id)).toBe(true);
      expect(await store.count(manager, mine)).toBe(0);
    });
  });

  it('updates only the fields given; disabling stops fan-out, enabling restarts from the end and clears failing', async () => {
    const organizationId = await createOrganization();
    const id = await createEndpoint(organizationId);
    await inTransaction(dataSource, async (manager) => {
      await store.update(
        manager,
        organizationId,
        id,
        { eventTypes: null, description: null },
        new Date(),
      );
      await store.markFailing(manager, id, new Date());
    });
    let endpoint = await store.find(organizationId, id);
    expect(endpoint).toMatchObject({ eventTypes: null, description: null, enabled: true });
    expect(endpoint?.failingSince).toBeInstanceOf(Date);
    expect(endpoint?.url).toBe('https://hooks.example.com/a');

    await inTransaction(dataSource, (manager) =>
      store.update(manager, organizationId, id, { enabled: false }, new Date()),
    );
    await events(organizationId, 2);
    expect(await store.behind(1000)).not.toContain(id);
    await inTransaction(dataSource, async (manager) =>
      expect(await store.lockForFanOut(manager, id)).toBeNull(),
    );

    await inTransaction(dataSource, (manager) =>
      store.update(manager, organizationId, id, { enabled: true }, new Date()),
    );
    endpoint = await store.find(organizationId, id);
    expect(endpoint).toMatchObject({ enabled: true, failingSince: null });
    // The two events made while it was disabled are not sent.
    expect(await cursorOf(id)).toBe(2);
    expect(await store.behind(1000)).not.toContain(id);

    // Enabling an enabled endpoint clears failing and keeps its cursor.
    await events(organizationId, 1);
    await inTransaction(dataSource, async (manager) => {
      await store.markFailing(manager, id, new Date());
      await store.update(manager, organizationId, id, { enabled: true }, new Date());
    });
    expect(await cursorOf(id)).toBe(2);
    expect((await store.find(organizationId, id))?.failingSince).toBeNull();
    expect(await store.behind(1000)).toContain(id);
  });

  it('locks an endpoint for fan-out with its cursor and the feed’s end, and only moves the cursor forward', async () => {
    const organizationId = await createOrganization();
    const id = await createEndpoint(organizationId);
    await events(organizationId, 4);
    await inTransaction(dataSource, async (manager) => {
      const position = await store.lockForFanOut(manager, id);
      expect(position).toEqual({
        id,
        organizationId,
        cursor: 0,
        lastSequence: 4,
        eventTypes: ['user.created', 'team.created'],
      });
      await store.advanceCursor(manager, id, 4);
      await store.advanceCursor(manager, id, 2);
    });
    expect(await cursorOf(id)).toBe(4);
  });

  it('keeps the previous secret with its expiry on rotation', async () => {
    const organizationId = await createOrganization();
    const id = await createEndpoint(organizationId);
    const until = new Date(Date.now() + 86_400_000);
    await inTransaction(dataSource, (manager) =>
      store.rotateSecret(manager, organizationId, id, {
        secretSealed: 'sealed-2',
        previousSecretSealed: 'sealed',
        previousUntil: until,
        at: new Date(),
      }),
    );
    expect(await store.secrets(id)).toEqual({
      secretSealed: 'sealed-2',
      previousSecretSealed: 'sealed',
      previousSecretExpiresAt: until,
    });
  });

  it('clears failing only for a success that began after the failure was recorded', async () => {
    const organizationId = await createOrganization();
    const id = await createEndpoint(organizationId);
    const failedAt = new Date();
    await inTransaction(dataSource, (manager) => store.markFailing(manager, id, failedAt));
    await inTransaction(dataSource, (manager) =>
      store.clearFailing(manager, id, new Date(failedAt.getTime() - 1000)),
    );
    expect((await store.find(organizationId, id))?.failingSince).toEqual(failedAt);
    await inTransaction(dataSource, (manager) =>
      store.clearFailing(manager, id, new Date(failedAt.getTime() + 1000)),
    );
    expect((await store.find(organizationId, id))?.failingSince).toBeNull();
  });
});
