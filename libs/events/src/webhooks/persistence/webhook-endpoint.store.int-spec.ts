import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  Transactions,
  appendEvents,
  buildDataSourceOptions,
  runMigrations,
  type NewEvent,
} from '@rollcall/db';
import { createFreshDatabase, insertOrganization, type FreshDatabase } from '@rollcall/db/testing';
import type { DirectoryEvent } from '../../domain/directory-event';
import { EventStore } from '../../persistence/event.store';
import { WebhookClaimStore } from './webhook-claim.store';
import { WebhookDeliveryStore } from './webhook-delivery.store';
import { WebhookEndpointStore } from './webhook-endpoint.store';
import { WebhookFanOutStore } from './webhook-fan-out.store';

// webhook_endpoints on SQLite and (TEST_DB=postgres) PostgreSQL: an endpoint starts at the
// feed's end, belongs to one organization, enabling it again starts it afresh, and every
// change the admin makes appends its webhook.* event in the same transaction.

let database: FreshDatabase;
let dataSource: DataSource;
let transactions: Transactions;
let store: WebhookEndpointStore;
let fanOuts: WebhookFanOutStore;
let claims: WebhookClaimStore;
let events: EventStore;
let postgres: boolean;
const p = (n: number) => (postgres ? `$${n}` : '?');

const ACTOR = 'admin:ada@contoso.example';

const createOrganization = (): Promise<string> => insertOrganization(dataSource);

function someEvents(organizationId: string, count: number): Promise<void> {
  const list: NewEvent[] = Array.from({ length: count }, () => ({
    organizationId,
    type: 'user.updated',
    actor: 'scim:rc_test',
    subject: { type: 'user', id: randomUUID() },
    data: {},
  }));
  return transactions.run(async (tx) => appendEvents(tx, list));
}

async function createEndpoint(organizationId: string, url = 'https://hooks.example.com/a') {
  const id = randomUUID();
  await transactions.run((tx) =>
    store.insert(
      tx,
      {
        id,
        organizationId,
        url,
        description: 'Billing',
        eventTypes: ['user.created', 'team.created'],
        secretSealed: 'sealed',
        at: new Date(),
      },
      ACTOR,
    ),
  );
  return id;
}

/** The organization's webhook.* events, oldest first. */
async function webhookEvents(organizationId: string): Promise<DirectoryEvent[]> {
  const all = await events.list({ organizationId, after: 0, limit: 1000 });
  return all.filter((event) => event.type.startsWith('webhook.'));
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
  store = new WebhookEndpointStore(dataSource);
  fanOuts = new WebhookFanOutStore(dataSource);
  claims = new WebhookClaimStore(dataSource, new WebhookDeliveryStore(dataSource));
  events = new EventStore(dataSource);
});

afterAll(async () => {
  await dataSource?.destroy();
  await database?.drop();
});

describe('webhook endpoints', () => {
  it('stores an endpoint whose cursor starts at the organization’s last event, with its webhook.created', async () => {
    const organizationId = await createOrganization();
    const fresh = await createEndpoint(organizationId);
    expect(await cursorOf(fresh)).toBe(0);
    await someEvents(organizationId, 3);
    const id = randomUUID();
    const created = await transactions.run((tx) =>
      store.insert(
        tx,
        {
          id,
          organizationId,
          url: 'https://hooks.example.com/b',
          description: null,
          eventTypes: null,
          secretSealed: 'sealed',
          at: new Date(),
        },
        ACTOR,
      ),
    );
    // The first endpoint's creation is event 1, then three more: the cursor is at 4. The
    // endpoint's own webhook.created comes after it, so an endpoint hears of its creation.
    expect(await cursorOf(id)).toBe(4);
    expect(created).toEqual({
      id,
      organizationId,
      url: 'https://hooks.example.com/b',
      description: null,
      eventTypes: null,
      enabled: true,
      failingSince: null,
      createdAt: expect.any(Date),
      updatedAt: expect.any(Date),
      pendingDeliveries: 0,
    });
    expect(await store.find(organizationId, fresh)).toEqual({
      id: fresh,
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
    expect((await store.list(organizationId)).map((e) => e.id)).toEqual([fresh, id]);

    const appended = await webhookEvents(organizationId);
    expect(appended.map((e) => [e.sequence, e.type, e.actor, e.subjectType, e.subjectId])).toEqual([
      [1, 'webhook.created', ACTOR, 'webhook', fresh],
      [5, 'webhook.created', ACTOR, 'webhook', id],
    ]);
    expect(appended[1]?.data).toEqual({
      webhook: {
        id,
        url: 'https://hooks.example.com/b',
        events: null,
        description: null,
        enabled: true,
      },
    });
  });

  it('keeps neither the endpoint nor its event when the transaction rolls back', async () => {
    const organizationId = await createOrganization();
    const id = randomUUID();
    await expect(
      transactions.run(async (tx) => {
        await store.insert(
          tx,
          {
            id,
            organizationId,
            url: 'https://hooks.example.com/a',
            description: null,
            eventTypes: null,
            secretSealed: 'sealed',
            at: new Date(),
          },
          ACTOR,
        );
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await store.find(organizationId, id)).toBeNull();
    expect(await events.list({ organizationId, after: 0, limit: 10 })).toEqual([]);
  });

  it('never finds, changes or deletes another organization’s endpoint, and appends nothing for it', async () => {
    const [mine, theirs] = [await createOrganization(), await createOrganization()];
    const id = await createEndpoint(mine);
    expect(await store.find(theirs, id)).toBeNull();
    expect(await store.list(theirs)).toEqual([]);
    await transactions.run(async (tx) => {
      expect(
        await store.update(tx, theirs, id, { url: 'https://x.example/' }, new Date(), ACTOR),
      ).toBeNull();
      expect(await store.delete(tx, theirs, id, ACTOR)).toBe(false);
      expect(
        await store.rotateSecret(
          tx,
          theirs,
          id,
          { secretSealed: 'theirs', previousUntil: new Date(), at: new Date() },
          ACTOR,
        ),
      ).toBeNull();
    });
    expect((await store.find(mine, id))?.url).toBe('https://hooks.example.com/a');
    expect(await events.list({ organizationId: theirs, after: 0, limit: 10 })).toEqual([]);
    expect((await webhookEvents(mine)).map((e) => e.type)).toEqual(['webhook.created']);
  });

  it('deletes an endpoint with its webhook.deleted, which carries the endpoint as it was', async () => {
    const organizationId = await createOrganization();
    const id = await createEndpoint(organizationId);
    await transactions.run(async (tx) => {
      expect(await store.count(tx, organizationId)).toBe(1);
      expect(await store.delete(tx, organizationId, id, ACTOR)).toBe(true);
      expect(await store.count(tx, organizationId)).toBe(0);
      expect(await store.delete(tx, organizationId, id, ACTOR)).toBe(false);
    });
    expect(await store.find(organizationId, id)).toBeNull();
    const deleted = (await webhookEvents(organizationId)).at(-1);
    expect(deleted).toMatchObject({
      type: 'webhook.deleted',
      actor: ACTOR,
      subjectType: 'webhook',
      subjectId: id,
      data: {
        webhook: {
          id,
          url: 'https://hooks.example.com/a',
          events: ['user.created', 'team.created'],
          description: 'Billing',
          enabled: true,
        },
      },
    });
    expect((await webhookEvents(organizationId)).map((e) => e.type)).toEqual([
      'webhook.created',
      'webhook.deleted',
    ]);
  });

  it('updates only the fields given; disabling stops fan-out, enabling restarts from the end and clears failing', async () => {
    const organizationId = await createOrganization();
    const id = await createEndpoint(organizationId);
    const updated = await transactions.run(async (tx) => {
      const endpoint = await store.update(
        tx,
        organizationId,
        id,
        { eventTypes: null, description: null },
        new Date(),
        ACTOR,
      );
      await claims.markFailing(tx, id, new Date());
      return endpoint;
    });
    expect(updated).toMatchObject({ eventTypes: null, description: null, enabled: true });
    let endpoint = await store.find(organizationId, id);
    expect(endpoint).toMatchObject({ eventTypes: null, description: null, enabled: true });
    expect(endpoint?.failingSince).toBeInstanceOf(Date);
    expect(endpoint?.url).toBe('https://hooks.example.com/a');
    expect((await webhookEvents(organizationId)).at(-1)).toMatchObject({
      type: 'webhook.updated',
      actor: ACTOR,
      subjectId: id,
      data: {
        webhook: {
          id,
          url: 'https://hooks.example.com/a',
          events: null,
          description: null,
          enabled: true,
        },
        changed: ['events', 'description'],
      },
    });

    await transactions.run((tx) =>
      store.update(tx, organizationId, id, { enabled: false }, new Date(), ACTOR),
    );
    await someEvents(organizationId, 2);
    expect(await fanOuts.behind(1000)).not.toContain(id);
    await transactions.run(async (tx) => expect(await fanOuts.lockForFanOut(tx, id)).toBeNull());

    await transactions.run((tx) =>
      store.update(tx, organizationId, id, { enabled: true }, new Date(), ACTOR),
    );
    endpoint = await store.find(organizationId, id);
    expect(endpoint).toMatchObject({ enabled: true, failingSince: null });
    // Events 1–3 are the creation and two updates, 4–5 were made while it was disabled: they
    // are not sent. Its cursor is at 5, so it hears only its enabling (6).
    expect(await cursorOf(id)).toBe(5);
    expect(
      (await webhookEvents(organizationId)).map((e) => [e.sequence, e.data['changed']]),
    ).toEqual([
      [1, undefined],
      [2, ['events', 'description']],
      [3, ['enabled']],
      [6, ['enabled']],
    ]);

    // Enabling an enabled endpoint clears failing and keeps its cursor.
    await someEvents(organizationId, 1);
    await transactions.run(async (tx) => {
      await claims.markFailing(tx, id, new Date());
      await store.update(tx, organizationId, id, { enabled: true }, new Date(), ACTOR);
    });
    expect(await cursorOf(id)).toBe(5);
    expect((await store.find(organizationId, id))?.failingSince).toBeNull();
    expect(await fanOuts.behind(1000)).toContain(id);
  });

  it('rotates a secret: the replaced one becomes the previous one, with its expiry and webhook.secret_rotated', async () => {
    const organizationId = await createOrganization();
    const id = await createEndpoint(organizationId);
    const secrets = async () => {
      const rows = (await dataSource.query(
        `SELECT secret_sealed, previous_secret_sealed, previous_secret_expires_at
         FROM webhook_endpoints WHERE id = ${p(1)}`,
        [id],
      )) as Record<string, unknown>[];
      const row = rows[0] ?? {};
      const expires = row['previous_secret_expires_at'];
      return {
        secretSealed: row['secret_sealed'],
        previousSecretSealed: row['previous_secret_sealed'],
        previousSecretExpiresAt:
          expires === null || expires instanceof Date
            ? expires
            : new Date(`${String(expires).replace(' ', 'T')}Z`),
      };
    };
    const until = new Date(Date.now() + 86_400_000);
    const rotated = await transactions.run((tx) =>
      store.rotateSecret(
        tx,
        organizationId,
        id,
        { secretSealed: 'sealed-2', previousUntil: until, at: new Date() },
        ACTOR,
      ),
    );
    expect(rotated).toMatchObject({ id, url: 'https://hooks.example.com/a' });
    expect(await secrets()).toEqual({
      secretSealed: 'sealed-2',
      previousSecretSealed: 'sealed',
      previousSecretExpiresAt: until,
    });
    expect((await webhookEvents(organizationId)).at(-1)).toMatchObject({
      type: 'webhook.secret_rotated',
      actor: ACTOR,
      subjectId: id,
      data: {
        webhook: {
          id,
          url: 'https://hooks.example.com/a',
          events: ['user.created', 'team.created'],
          description: 'Billing',
          enabled: true,
        },
        previousSecretExpiresAt: until.toISOString(),
      },
    });

    // A second rotation within the overlap drops the oldest secret.
    const later = new Date(until.getTime() + 1000);
    await transactions.run((tx) =>
      store.rotateSecret(
        tx,
        organizationId,
        id,
        { secretSealed: 'sealed-3', previousUntil: later, at: new Date() },
        ACTOR,
      ),
    );
    expect(await secrets()).toEqual({
      secretSealed: 'sealed-3',
      previousSecretSealed: 'sealed-2',
      previousSecretExpiresAt: later,
    });
  });
});
