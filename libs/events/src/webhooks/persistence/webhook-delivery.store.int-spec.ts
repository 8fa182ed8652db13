import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { EventTypeName } from '@rollcall/contracts';
import {
  appendEvents,
  buildDataSourceOptions,
  inTransaction,
  runMigrations,
  type NewEvent,
} from '@rollcall/db';
import { createFreshDatabase, insertOrganization, type FreshDatabase } from '@rollcall/db/testing';
import { newDeliveryId } from '../domain/webhook-delivery';
import { WebhookClaimStore, type AttemptOutcome } from './webhook-claim.store';
import { WebhookDeliveryStore } from './webhook-delivery.store';
import { WebhookEndpointStore } from './webhook-endpoint.store';

// webhook_deliveries and webhook_attempts on SQLite and (TEST_DB=postgres) PostgreSQL: the
// fan-out, the claim (due, unleased, per-subject order, exclusive), the lease-fenced record,
// and the newest-first listing.

let database: FreshDatabase;
let dataSource: DataSource;
let endpoints: WebhookEndpointStore;
let deliveries: WebhookDeliveryStore;
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
  return inTransaction(dataSource, async (manager) => appendEvents(manager, list));
}

async function createEndpoint(
  organizationId: string,
  eventTypes: EventTypeName[] | null = null,
): Promise<string> {
  const id = randomUUID();
  await inTransaction(dataSource, (manager) =>
    endpoints.insert(manager, {
      id,
      organizationId,
      url: 'https://hooks.example.com/',
      description: null,
      eventTypes,
      secretSealed: 'sealed',
      at: new Date(),
    }),
  );
  return id;
}

/** What the dispatcher's fan-out does, for one endpoint. */
async function fanOut(id: string, batch = 500): Promise<void> {
  await inTransaction(dataSource, async (manager) => {
    const endpoint = await endpoints.lockForFanOut(manager, id);
    if (!endpoint) return;
    const upTo = Math.min(endpoint.lastSequence, endpoint.cursor + batch);
    await deliveries.fanOut(manager, endpoint, upTo, new Date());
    await endpoints.advanceCursor(manager, id, upTo);
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
  endpoints = new WebhookEndpointStore(dataSource);
  deliveries = new WebhookDeliveryStore(dataSource);
  claims = new WebhookClaimStore(dataSource, deliveries);
});

afterAll(async () => {
  await dataSource?.destroy();
  await database?.drop();
});

async function settle(ids: { id: string; leaseUntil: Date }[]): Promise<void> {
  for (const claimed of ids) {
    await inTransaction(dataSource, (manager) =>
      claims.record(manager, claimed, outcome('succeeded')),
    );
  }
}

// Claims look across every organization: each test starts with nothing left to claim.
beforeEach(async () => {
  for (let batch = await claim(); batch.length > 0; batch = await claim()) await settle(batch);
});

describe('webhook deliveries', () => {
  it('fans out the events after the cursor that the endpoint wants, in batches, with the event as body', async () => {
    const organizationId = await createOrganization();
    const all = await createEndpoint(organizationId);
    const some = await createEndpoint(organizationId, ['user.created', 'team.created']);
    const user = randomUUID();
    await record([
      anEvent(organizationId, 'user.created', user),
      anEvent(organizationId, 'user.updated', user),
      anEvent(organizationId, 'team.created'),
      anEvent(await createOrganization(), 'user.created'),
    ]);
    await fanOut(all, 2);
    await fanOut(all, 2);
    await fanOut(all, 2);
    await fanOut(some);
    const listed = await deliveries.list({ endpointId: all, limit: 10 });
    expect(listed.map((d) => d.eventType).sort()).toEqual([
      'team.created',
      'user.created',
      'user.updated',
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
      sequence: 1,
      data: { n: expect.any(Number) },
    });
    expect(detail?.attemptsMade).toEqual([]);
    expect(await endpoints.find(organizationId, all)).toMatchObject({ pendingDeliveries: 3 });
    await settle(await claim());
  });

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

    const first = await claim();
    expect(await sequences(first)).toEqual([1, 2]);
    // Held by a lease: nothing else of Ada's, and nothing twice.
    expect(await claim()).toEqual([]);

    const ada1 = (
      await Promise.all(first.map(async (d) => [await sequenceOf(d.id), d] as const))
    ).find(([sequence]) => sequence === 1)?.[1];
    const bob1 = first.find((d) => d.id !== ada1?.id);
    if (!ada1 || !bob1) throw new Error('expected claims');
    await settle([bob1]);
    // A failed attempt keeps Ada's next events waiting behind it until it is settled.
    await inTransaction(dataSource, (manager) =>
      claims.record(
        manager,
        ada1,
        outcome('pending', { nextAttemptAt: new Date(Date.now() + 60_000) }),
      ),
    );
    expect(await claim()).toEqual([]);
    const retried = await claim(100, new Date(Date.now() + 61_000));
    expect(retried.map((d) => d.id)).toEqual([ada1.id]);
    expect(retried[0]?.attempts).toBe(1);
    await settle(retried);
    const second = await claim();
    expect(await sequences(second)).toEqual([3]);
    await settle(second);
    const third = await claim();
    expect(await sequences(third)).toEqual([4]);
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
    await inTransaction(dataSource, async (manager) =>
      expect(await claims.record(manager, first, outcome('succeeded'))).toBe(false),
    );
    await inTransaction(dataSource, async (manager) =>
      expect(await claims.record(manager, again, outcome('failed'))).toBe(true),
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
    await inTransaction(dataSource, (manager) =>
      deliveries.deleteCompletedBefore(manager, new Date(Date.now() - 60_000)),
    );
    expect(await deliveries.detail(endpoint, done.id)).not.toBeNull();
    await inTransaction(dataSource, (manager) =>
      deliveries.deleteCompletedBefore(manager, new Date(Date.now() + 60_000)),
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
    await inTransaction(dataSource, (manager) =>
      endpoints.update(manager, organizationId, endpoint, { enabled: false }, new Date()),
    );
    expect(await claim()).toEqual([]);
    await inTransaction(dataSource, (manager) =>
      endpoints.update(manager, organizationId, endpoint, { enabled: true }, new Date()),
    );
    expect(await claim(100, new Date(Date.now() - 60_000))).toEqual([]);
    await settle(await claim());
  });

  it('queues test deliveries with their own body and resends as new deliveries of the same event', async () => {
    const organizationId = await createOrganization();
    const endpoint = await createEndpoint(organizationId);
    const testId = newDeliveryId();
    await inTransaction(dataSource, (manager) =>
      deliveries.insertTest(manager, {
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
    await inTransaction(dataSource, async (manager) => {
      expect(await deliveries.insertResend(manager, endpoint, testId, resendId, new Date())).toBe(
        true,
      );
      expect(
        await deliveries.insertResend(manager, randomUUID(), testId, newDeliveryId(), new Date()),
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
    await inTransaction(dataSource, async (manager) => {
      for (const [i, delivery] of claimed.entries()) {
        await claims.record(manager, delivery, outcome(i === 0 ? 'failed' : 'succeeded'));
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
});
