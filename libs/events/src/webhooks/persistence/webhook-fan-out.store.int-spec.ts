import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { EventTypeName } from '@rollcall/contracts';
import {
  Transactions,
  appendEvents,
  buildDataSourceOptions,
  runMigrations,
  type NewEvent,
} from '@rollcall/db';
import { createFreshDatabase, insertOrganization, type FreshDatabase } from '@rollcall/db/testing';
import { WebhookDeliveryStore } from './webhook-delivery.store';
import { WebhookEndpointStore } from './webhook-endpoint.store';
import { WebhookFanOutStore, type FanOutPosition } from './webhook-fan-out.store';

// The dispatcher's fan-out on SQLite and (TEST_DB=postgres) PostgreSQL: which endpoints are
// behind, the cursor locked while an endpoint's events become deliveries (skipped, not waited
// for, by another replica on PostgreSQL), and the deliveries it makes.

let database: FreshDatabase;
let dataSource: DataSource;
let transactions: Transactions;
let endpoints: WebhookEndpointStore;
let deliveries: WebhookDeliveryStore;
let fanOuts: WebhookFanOutStore;
let postgres: boolean;
const p = (n: number) => (postgres ? `$${n}` : '?');

const createOrganization = (): Promise<string> => insertOrganization(dataSource);

function anEvent(organizationId: string, type: EventTypeName): NewEvent {
  return {
    organizationId,
    type,
    actor: 'scim:rc_test',
    subject: { type: type.split('.')[0] ?? 'user', id: randomUUID() },
    data: { n: Math.random() },
  };
}

function record(list: NewEvent[]): Promise<void> {
  return transactions.run(async (tx) => appendEvents(tx, list));
}

async function createEndpoint(
  organizationId: string,
  eventTypes: EventTypeName[] | null = null,
): Promise<string> {
  const id = randomUUID();
  await transactions.run((tx) =>
    endpoints.insert(
      tx,
      {
        id,
        organizationId,
        url: 'https://hooks.example.com/',
        description: null,
        eventTypes,
        secretSealed: 'sealed',
        at: new Date(),
      },
      'admin:ada@contoso.example',
    ),
  );
  return id;
}

/** What the dispatcher does for one endpoint in one transaction. */
async function fanOut(id: string, batch = 500): Promise<void> {
  await transactions.run(async (tx) => {
    const endpoint = await fanOuts.lockForFanOut(tx, id);
    if (!endpoint) return;
    const upTo = Math.min(endpoint.lastSequence, endpoint.cursor + batch);
    await fanOuts.fanOut(tx, endpoint, upTo, new Date());
    await fanOuts.advanceCursor(tx, id, upTo);
  });
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
  transactions = new Transactions(dataSource);
  endpoints = new WebhookEndpointStore(dataSource);
  deliveries = new WebhookDeliveryStore(dataSource);
  fanOuts = new WebhookFanOutStore(dataSource);
});

afterAll(async () => {
  await dataSource?.destroy();
  await database?.drop();
});

describe('webhook fan-out', () => {
  it('locks an endpoint for fan-out with its cursor and the feed’s end, and only moves the cursor forward', async () => {
    const organizationId = await createOrganization();
    const id = await createEndpoint(organizationId, ['user.created', 'team.created']);
    expect(await fanOuts.behind(1000)).toContain(id);
    await record(Array.from({ length: 4 }, () => anEvent(organizationId, 'user.updated')));
    await transactions.run(async (tx) => {
      const position = await fanOuts.lockForFanOut(tx, id);
      // Event 1 is the endpoint's own webhook.created, made after its cursor was set.
      expect(position).toEqual({
        id,
        organizationId,
        cursor: 0,
        lastSequence: 5,
        eventTypes: ['user.created', 'team.created'],
      });
      await fanOuts.advanceCursor(tx, id, 5);
      await fanOuts.advanceCursor(tx, id, 2);
    });
    expect(await cursorOf(id)).toBe(5);
    expect(await fanOuts.behind(1000)).not.toContain(id);
    await transactions.run(async (tx) =>
      expect(await fanOuts.lockForFanOut(tx, randomUUID())).toBeNull(),
    );
  });

  it('leaves an endpoint that another transaction is fanning out to that one', async () => {
    const organizationId = await createOrganization();
    const id = await createEndpoint(organizationId);
    let second: Promise<FanOutPosition | null> | undefined;
    await transactions.run(async (tx) => {
      expect(await fanOuts.lockForFanOut(tx, id)).not.toBeNull();
      second = transactions.run((other) => fanOuts.lockForFanOut(other, id));
      // PostgreSQL: another replica skips the locked row instead of waiting for it.
      if (postgres) expect(await second).toBeNull();
    });
    // SQLite: writers take turns, so the second transaction starts after the first is done.
    if (!postgres) expect(await second).toMatchObject({ id, cursor: 0 });
  });

  it('fans out the events after the cursor that the endpoint wants, in batches, with the event as body', async () => {
    const organizationId = await createOrganization();
    const all = await createEndpoint(organizationId);
    const some = await createEndpoint(organizationId, ['user.created', 'team.created']);
    const user = randomUUID();
    await record([
      { ...anEvent(organizationId, 'user.created'), subject: { type: 'user', id: user } },
      { ...anEvent(organizationId, 'user.updated'), subject: { type: 'user', id: user } },
      anEvent(organizationId, 'team.created'),
      anEvent(await createOrganization(), 'user.created'),
    ]);
    // Events 1 and 2 are the endpoints' creations: `all` hears both, `some` was created
    // after the first and does not want the second.
    await fanOut(all, 2);
    expect(await cursorOf(all)).toBe(2);
    await fanOut(all, 2);
    await fanOut(all, 2);
    expect(await cursorOf(all)).toBe(5);
    await fanOut(some);
    expect(await cursorOf(some)).toBe(5);

    const listed = await deliveries.list({ endpointId: all, limit: 10 });
    expect(listed.map((d) => d.eventType).sort()).toEqual([
      'team.created',
      'user.created',
      'user.updated',
      'webhook.created',
      'webhook.created',
    ]);
    expect(listed.every((d) => d.status === 'pending' && d.attempts === 0)).toBe(true);
    expect(listed[0]?.id).toMatch(/^whd_[0-9a-f]{32}$/);
    const wanted = await deliveries.list({ endpointId: some, limit: 10 });
    expect(wanted.map((d) => d.eventType).sort()).toEqual(['team.created', 'user.created']);
    const created = listed.find((d) => d.eventType === 'user.created');
    const detail = await deliveries.detail(all, created?.id ?? '');
    expect(detail?.payload).toEqual({
      id: created?.eventId,
      type: 'user.created',
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      actor: 'scim:rc_test',
      sequence: 3,
      data: { n: expect.any(Number) },
    });
    expect(detail?.attemptsMade).toEqual([]);
    expect(await endpoints.find(organizationId, all)).toMatchObject({ pendingDeliveries: 5 });

    // A subject's deliveries share a key, so they are claimed in order.
    const keys = (await dataSource.query(
      `SELECT event_type, subject_key FROM webhook_deliveries WHERE endpoint_id = ${p(1)}
       ORDER BY event_sequence`,
      [all],
    )) as { event_type: string; subject_key: string }[];
    expect(keys.slice(2, 4)).toEqual([
      { event_type: 'user.created', subject_key: `user:${user}` },
      { event_type: 'user.updated', subject_key: `user:${user}` },
    ]);
  });
});
