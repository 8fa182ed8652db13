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
import { newDeliveryId } from '../domain/webhook-delivery';
import { WebhookClaimStore, type AttemptOutcome } from './webhook-claim.store';
import { WebhookDeliveryStore } from './webhook-delivery.store';
import { WebhookEndpointStore } from './webhook-endpoint.store';
import { WebhookFanOutStore } from './webhook-fan-out.store';

// webhook_deliveries and webhook_attempts on SQLite and (TEST_DB=postgres) PostgreSQL: the
// claim (due, unleased, per-subject order, exclusive), the lease-fenced record with the
// endpoint's failing state, tests, resends, the purge, and the newest-first listing.

let database: FreshDatabase;
let dataSource: DataSource;
let transactions: Transactions;
let endpoints: WebhookEndpointStore;
let deliveries: WebhookDeliveryStore;
let fanOuts: WebhookFanOutStore;
let claims: WebhookClaimStore;
const LEASE_MS = 60_000;

const createOrganization = (): Promise<string> => insertOrganization(dataSource);

function anEvent(
  organizationId: string,
  type: EventTypeName,
  subjectId: string | null = randomUUID(),
): NewEvent {
  return {
    organizationId,
    type,
    actor: 'scim:rc_test',
    subject: { type: type.split('.')[0] ?? 'user', id: subjectId },
    data: { n: Math.random() },
  };
}

function record(list: NewEvent[]): Promise<void> {
  return transactions.run(async (tx) => appendEvents(tx, list));
}

/**
 * An endpoint that hears what happens after its creation: its own webhook.created (event 1 of
 * a new organization) is the fan-out spec's subject, so its cursor moves past it.
 */
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
  await transactions.run(async (tx) => {
    const position = await fanOuts.lockForFanOut(tx, id);
    await fanOuts.advanceCursor(tx, id, position?.lastSequence ?? 0);
  });
  return id;
}

/** What the dispatcher's fan-out does, for one endpoint. */
async function fanOut(id: string, batch = 500): Promise<void> {
  await transactions.run(async (tx) => {
    const endpoint = await fanOuts.lockForFanOut(tx, id);
    if (!endpoint) return;
    const upTo = Math.min(endpoint.lastSequence, endpoint.cursor + batch);
    await fanOuts.fanOut(tx, endpoint, upTo, new Date());
    await fanOuts.advanceCursor(tx, id, upTo);
  });
}

const claim = (limit = 100, now = new Date()) =>
  claims.claimDue(now, new Date(now.getTime() + LEASE_MS), limit);

function outcome(status: AttemptOutcome['status'], overrides: Partial<AttemptOutcome> = {}) {
  return {
    attemptedAt: new Date(),
    responseStatus: status === 'succeeded' ? 200 : 500,
    durationMs: 12.4,
    error: null,
    responseSnippet: status === 'succeeded' ? 'ok' : 'boom',
    status,
    nextAttemptAt: status === 'pending' ? new Date(Date.now() - 1) : null,
    ...overrides,
  };
}

beforeAll(async () => {
  database = await createFreshDatabase();
  dataSource = await new DataSource(buildDataSourceOptions(database.config)).initialize();
  await runMigrations(dataSource);
  transactions = new Transactions(dataSource);
  endpoints = new WebhookEndpointStore(dataSource);
  deliveries = new WebhookDeliveryStore(dataSource);
  fanOuts = new WebhookFanOutStore(dataSource);
  claims = new WebhookClaimStore(dataSource, deliveries);
});

afterAll(async () => {
  await dataSource?.destroy();
  await database?.drop();
});

async function settle(ids: { id: string; leaseUntil: Date }[]): Promise<void> {
  for (const claimed of ids) {
    await transactions.run((tx) => claims.record(tx, claimed, outcome('succeeded')));
  }
}

// Claims look across every organization: each test starts with nothing left to claim.
beforeEach(async () => {
  for (let batch = await claim(); batch.length > 0; batch = await claim()) await settle(batch);
});

describe('webhook deliveries', () => {
  it('claims a subject’s deliveries one at a time, in order; other subjects go in parallel', async () => {
    const organizationId = await createOrganization();
    const endpoint = await createEndpoint(organizationId);
    const [ada, bob] = [randomUUID(), randomUUID()];
    await record([
      anEvent(organizationId, 'user.created', ada),
      anEvent(organizationId, 'user.created', bob),
      anEvent(organizationId, 'user.updated', ada),
      anEvent(organizationId, 'user.deleted', ada),
    ]);
    await fanOut(endpoint);
    const sequenceOf = async (id: string) =>
      (await deliveries.detail(endpoint, id))?.eventSequence ?? -1;
    const sequences = async (list: { id: string }[]) =>
      (await Promise.all(list.map((d) => sequenceOf(d.id)))).sort();

    // Event 1 is the endpoint's creation: Ada's are 2, 4 and 5, Bob's is 3.
    const first = await claim();
    expect(await sequences(first)).toEqual([2, 3]);
    // Held by a lease: nothing else of Ada's, and nothing twice.
    expect(await claim()).toEqual([]);

    const ada1 = (
      await Promise.all(first.map(async (d) => [await sequenceOf(d.id), d] as const))
    ).find(([sequence]) => sequence === 2)?.[1];
    const bob1 = first.find((d) => d.id !== ada1?.id);
    if (!ada1 || !bob1) throw new Error('expected claims');
    await settle([bob1]);
    // A failed attempt keeps Ada's next events waiting behind it until it is settled.
    await transactions.run((tx) =>
      claims.record(tx, ada1, outcome('pending', { nextAttemptAt: new Date(Date.now() + 60_000) })),
    );
    expect(await claim()).toEqual([]);
    const retried = await claim(100, new Date(Date.now() + 61_000));
    expect(retried.map((d) => d.id)).toEqual([ada1.id]);
    expect(retried[0]?.attempts).toBe(1);
    await settle(retried);
    const second = await claim();
    expect(await sequences(second)).toEqual([4]);
    await settle(second);
    const third = await claim();
    expect(await sequences(third)).toEqual([5]);
    await settle(third);

    const detail = await deliveries.detail(endpoint, ada1.id);
    expect(detail).toMatchObject({ status: 'succeeded', attempts: 2, nextAttemptAt: null });
    expect(detail?.completedAt).toBeInstanceOf(Date);
    expect(detail?.attemptsMade.map((a) => [a.attempt, a.responseStatus])).toEqual([
      [1, 500],
      [2, 200],
    ]);
    expect(detail?.lastAttempt).toMatchObject({
      attempt: 2,
      durationMs: 12,
      responseSnippet: 'ok',
    });
  });

  it('lets a lease run out and be claimed again, and fences the late worker out', async () => {
    const organizationId = await createOrganization();
    const endpoint = await createEndpoint(organizationId);
    await record([anEvent(organizationId, 'user.created')]);
    await fanOut(endpoint);
    const [first] = await claim();
    if (!first) throw new Error('expected a claim');
    const later = new Date(Date.now() + LEASE_MS + 1000);
    const [again] = await claim(100, later);
    expect(again?.id).toBe(first.id);
    if (!again) throw new Error('expected a claim');
    // The first worker comes back after its lease ran out: it records nothing.
    await transactions.run(async (tx) =>
      expect(await claims.record(tx, first, outcome('succeeded'))).toBe(false),
    );
    await transactions.run(async (tx) =>
      expect(await claims.record(tx, again, outcome('failed'))).toBe(true),
    );
    const detail = await deliveries.detail(endpoint, first.id);
    expect(detail).toMatchObject({ status: 'failed', attempts: 1 });
    expect(detail?.attemptsMade).toHaveLength(1);
  });

  it('purges completed deliveries before a cutoff with their attempts, never pending ones', async () => {
    const organizationId = await createOrganization();
    const endpoint = await createEndpoint(organizationId);
    await record([
      anEvent(organizationId, 'user.created'),
      anEvent(organizationId, 'team.created'),
    ]);
    await fanOut(endpoint);
    const [done] = await claim(1);
    if (!done) throw new Error('expected a claim');
    await settle([done]);
    const pending = (await deliveries.list({ endpointId: endpoint, limit: 10 })).find(
      (d) => d.id !== done.id,
    );
    await transactions.run((tx) =>
      deliveries.deleteCompletedBefore(tx, new Date(Date.now() - 60_000)),
    );
    expect(await deliveries.detail(endpoint, done.id)).not.toBeNull();
    await transactions.run((tx) =>
      deliveries.deleteCompletedBefore(tx, new Date(Date.now() + 60_000)),
    );
    expect(await deliveries.detail(endpoint, done.id)).toBeNull();
    expect(pending && (await deliveries.detail(endpoint, pending.id))?.status).toBe('pending');
    const attempts = (await dataSource.query(
      'SELECT COUNT(*) AS n FROM webhook_attempts a WHERE NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.id = a.delivery_id)',
      [],
    )) as { n: unknown }[];
    expect(Number(attempts[0]?.n)).toBe(0);
    await settle(await claim());
  });

  it('skips disabled endpoints and claims what is due only', async () => {
    const organizationId = await createOrganization();
    const endpoint = await createEndpoint(organizationId);
    await record([anEvent(organizationId, 'user.created')]);
    await fanOut(endpoint);
    await transactions.run((tx) =>
      endpoints.update(
        tx,
        organizationId,
        endpoint,
        { enabled: false },
        new Date(),
        'admin:ada@contoso.example',
      ),
    );
    expect(await claim()).toEqual([]);
    await transactions.run((tx) =>
      endpoints.update(
        tx,
        organizationId,
        endpoint,
        { enabled: true },
        new Date(),
        'admin:ada@contoso.example',
      ),
    );
    expect(await claim(100, new Date(Date.now() - 60_000))).toEqual([]);
    await settle(await claim());
  });

  it('queues test deliveries with their own body and resends as new deliveries of the same event', async () => {
    const organizationId = await createOrganization();
    const endpoint = await createEndpoint(organizationId);
    const testId = newDeliveryId();
    await transactions.run((tx) =>
      deliveries.insertTest(tx, {
        id: testId,
        endpointId: endpoint,
        organizationId,
        eventId: 'evt_test',
        eventType: 'webhook.test',
        payload: { id: 'evt_test', type: 'webhook.test', sequence: 0 },
        at: new Date(),
      }),
    );
    const [claimed] = await claim();
    expect(claimed).toMatchObject({
      id: testId,
      eventId: 'evt_test',
      payload: { id: 'evt_test', type: 'webhook.test', sequence: 0 },
      secrets: { secretSealed: 'sealed', previousSecretSealed: null },
    });
    await settle(claimed ? [claimed] : []);
    const resendId = newDeliveryId();
    await transactions.run(async (tx) => {
      expect(await deliveries.insertResend(tx, endpoint, testId, resendId, new Date())).toBe(true);
      expect(
        await deliveries.insertResend(tx, randomUUID(), testId, newDeliveryId(), new Date()),
      ).toBe(false);
    });
    const resent = await deliveries.detail(endpoint, resendId);
    expect(resent).toMatchObject({ eventId: 'evt_test', status: 'pending', attempts: 0 });
    expect(resent?.payload).toEqual({ id: 'evt_test', type: 'webhook.test', sequence: 0 });
    expect((await deliveries.detail(endpoint, testId))?.status).toBe('succeeded');
    await settle(await claim());
  });

  it('lists newest first with a status filter and pages with a position', async () => {
    const organizationId = await createOrganization();
    const endpoint = await createEndpoint(organizationId);
    await record(Array.from({ length: 5 }, () => anEvent(organizationId, 'user.created')));
    await fanOut(endpoint);
    // Deliveries made in one millisecond share their time: order among them is by id.
    await new Promise((resolve) => setTimeout(resolve, 5));
    await record(Array.from({ length: 2 }, () => anEvent(organizationId, 'team.created')));
    await fanOut(endpoint);
    const firstPage = await deliveries.list({ endpointId: endpoint, limit: 3 });
    expect(firstPage.map((d) => d.eventType)).toEqual([
      'team.created',
      'team.created',
      'user.created',
    ]);
    const last = firstPage.at(-1);
    if (!last) throw new Error('expected a page');
    const rest = await deliveries.list({ endpointId: endpoint, limit: 10, before: last });
    expect(rest).toHaveLength(4);
    const seen = [...firstPage, ...rest].map((d) => d.id);
    expect(new Set(seen).size).toBe(7);
    const claimed = await claim();
    await transactions.run(async (tx) => {
      for (const [i, delivery] of claimed.entries()) {
        await claims.record(tx, delivery, outcome(i === 0 ? 'failed' : 'succeeded'));
      }
    });
    expect(
      await deliveries.list({ endpointId: endpoint, status: 'failed', limit: 10 }),
    ).toHaveLength(1);
    expect(
      await deliveries.list({ endpointId: endpoint, status: 'pending', limit: 10 }),
    ).toHaveLength(0);
  });

  it('gives each due delivery to one of many concurrent claimers', async () => {
    const organizationId = await createOrganization();
    const endpoint = await createEndpoint(organizationId);
    await record(Array.from({ length: 40 }, () => anEvent(organizationId, 'user.created')));
    await fanOut(endpoint);
    const claimers = await Promise.all(Array.from({ length: 8 }, () => claim(5)));
    const ids = claimers.flat().map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(40);
    await settle(claimers.flat());
  });

  it('marks an endpoint failing, and clears it only for a success that began after the failure', async () => {
    const organizationId = await createOrganization();
    const id = await createEndpoint(organizationId);
    const bystander = await createEndpoint(organizationId);
    const failedAt = new Date();
    // True for the change from not failing to failing (what /metrics counts), once.
    expect(await transactions.run((tx) => claims.markFailing(tx, id, failedAt))).toBe(true);
    // The first failure is the one kept.
    expect(
      await transactions.run((tx) => claims.markFailing(tx, id, new Date(failedAt.getTime() + 5))),
    ).toBe(false);
    expect((await endpoints.find(organizationId, id))?.failingSince).toEqual(failedAt);
    expect((await endpoints.find(organizationId, bystander))?.failingSince).toBeNull();
    expect(await transactions.run((tx) => claims.markFailing(tx, randomUUID(), failedAt))).toBe(
      false,
    );
    await transactions.run((tx) =>
      claims.clearFailing(tx, id, new Date(failedAt.getTime() - 1000)),
    );
    expect((await endpoints.find(organizationId, id))?.failingSince).toEqual(failedAt);
    await transactions.run((tx) =>
      claims.clearFailing(tx, id, new Date(failedAt.getTime() + 1000)),
    );
    expect((await endpoints.find(organizationId, id))?.failingSince).toBeNull();
  });

  it('leaves an endpoint as it was when the transaction that marked it failing rolls back', async () => {
    const organizationId = await createOrganization();
    const id = await createEndpoint(organizationId);
    await expect(
      transactions.run(async (tx) => {
        expect(await claims.markFailing(tx, id, new Date())).toBe(true);
        throw new Error('recording the attempt failed');
      }),
    ).rejects.toThrow('recording the attempt failed');
    expect((await endpoints.find(organizationId, id))?.failingSince).toBeNull();
    expect(await transactions.run((tx) => claims.markFailing(tx, id, new Date()))).toBe(true);
  });
});
