import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  appendEvents,
  buildDataSourceOptions,
  inTransaction,
  runMigrations,
  runWithRequestOrigin,
  type NewEvent,
} from '@rollcall/db';
import { createFreshDatabase, insertOrganization, type FreshDatabase } from '@rollcall/db/testing';
import { EventStore } from './event.store';

// The outbox on SQLite and (TEST_DB=postgres) PostgreSQL: events commit and roll back with
// their change, cursors are dense and in commit order under concurrent writers, and the store
// pages, filters and purges them.

let database: FreshDatabase;
let dataSource: DataSource;
let store: EventStore;

const createOrganization = (): Promise<string> => insertOrganization(dataSource);

function anEvent(organizationId: string, overrides: Partial<NewEvent> = {}): NewEvent {
  return {
    organizationId,
    type: 'user.updated',
    actor: 'scim:rc_test',
    subject: { type: 'user', id: randomUUID() },
    data: { user: { userName: 'ada@contoso.example' }, changed: ['title'] },
    ...overrides,
  };
}

beforeAll(async () => {
  database = await createFreshDatabase();
  dataSource = await new DataSource(buildDataSourceOptions(database.config)).initialize();
  await runMigrations(dataSource);
  store = new EventStore(dataSource);
});

afterAll(async () => {
  await dataSource?.destroy();
  await database?.drop();
});

describe('the outbox', () => {
  it('writes events with their transaction, in order, with every field as appended', async () => {
    const organizationId = await createOrganization();
    const subjectId = randomUUID();
    await inTransaction(dataSource, async (manager) => {
      appendEvents(manager, [
        anEvent(organizationId, { type: 'user.created', subject: { type: 'user', id: subjectId } }),
        anEvent(organizationId, {
          type: 'team.member_added',
          actor: 'admin:ada@contoso.example',
          subject: { type: 'team', id: null },
          data: {
            nested: { list: [1, 'two', null], flag: true },
            text: 'naïve “quotes” \\ \t\n 🦄',
          },
        }),
      ]);
    });
    const events = await store.list({ organizationId, after: 0, limit: 10 });
    expect(events.map((e) => [e.sequence, e.type, e.actor, e.subjectType, e.subjectId])).toEqual([
      [1, 'user.created', 'scim:rc_test', 'user', subjectId],
      [2, 'team.member_added', 'admin:ada@contoso.example', 'team', null],
    ]);
    expect(events[1]?.data).toEqual({
      nested: { list: [1, 'two', null], flag: true },
      text: 'naïve “quotes” \\ \t\n 🦄',
    });
    expect(events[0]?.id).toMatch(/^evt_[0-9a-f]{32}$/);
    expect(events[0]?.id).not.toBe(events[1]?.id);
    expect(Math.abs((events[0]?.createdAt.getTime() ?? 0) - Date.now())).toBeLessThan(60_000);
    expect(await store.lastSequence(organizationId)).toBe(2);
  });

  it('writes nothing for a transaction that rolls back, and draws no cursor for it', async () => {
    const organizationId = await createOrganization();
    await expect(
      inTransaction(dataSource, async (manager) => {
        appendEvents(manager, [anEvent(organizationId)]);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await store.list({ organizationId, after: 0, limit: 10 })).toEqual([]);
    await inTransaction(dataSource, async (manager) => {
      appendEvents(manager, [anEvent(organizationId)]);
    });
    const events = await store.list({ organizationId, after: 0, limit: 10 });
    expect(events.map((e) => e.sequence)).toEqual([1]);
  });

  it('refuses events outside a transaction opened by inTransaction', () => {
    expect(() => appendEvents(dataSource.manager, [anEvent(randomUUID())])).toThrow(
      /inTransaction/,
    );
  });

  it('keeps cursors dense and in commit order under concurrent writers, per organization', async () => {
    const [first, second] = [await createOrganization(), await createOrganization()];
    const writers = Array.from({ length: 40 }, (_, i) =>
      inTransaction(dataSource, async (manager) => {
        const organizationId = i % 2 === 0 ? first : second;
        // Half the writers append a batch (a member PATCH), half one event.
        const count = i % 4 < 2 ? 1 : 25;
        await new Promise((resolve) => setTimeout(resolve, i % 3));
        appendEvents(
          manager,
          Array.from({ length: count }, () => anEvent(organizationId, { data: { writer: i } })),
        );
      }),
    );
    await Promise.all(writers);
    for (const organizationId of [first, second]) {
      const events = await store.list({ organizationId, after: 0, limit: 1000 });
      expect(events.map((e) => e.sequence)).toEqual(events.map((_, i) => i + 1));
      // A batch's events are consecutive: no other transaction's events interleave with them.
      const writersInOrder = events.map((e) => e.data['writer']);
      const runs = writersInOrder.filter((w, i) => i === 0 || writersInOrder[i - 1] !== w);
      expect(new Set(runs).size).toBe(runs.length);
    }
  });

  it('records the client address of the request that made the change, null outside one', async () => {
    const organizationId = await createOrganization();
    const append = (events: NewEvent[]) =>
      inTransaction(dataSource, async (manager) => {
        // After an await, as a use case reads before it writes.
        await new Promise((resolve) => setImmediate(resolve));
        appendEvents(manager, events);
      });
    await runWithRequestOrigin({ clientIp: '203.0.113.9' }, () =>
      append([anEvent(organizationId), anEvent(organizationId, { type: 'user.created' })]),
    );
    await append([anEvent(organizationId, { actor: 'system:purge' })]);
    await runWithRequestOrigin({ clientIp: null }, () => append([anEvent(organizationId)]));
    // Concurrent requests (queued behind each other on SQLite) each keep their own address.
    await Promise.all(
      ['2001:db8::1', '198.51.100.4', '198.51.100.5'].map((clientIp) =>
        runWithRequestOrigin({ clientIp }, () =>
          append([anEvent(organizationId, { data: { from: clientIp } })]),
        ),
      ),
    );
    const events = await store.list({ organizationId, after: 0, limit: 10 });
    expect(events.slice(0, 4).map((e) => e.clientIp)).toEqual([
      '203.0.113.9',
      '203.0.113.9',
      null,
      null,
    ]);
    expect(events.slice(4).map((e) => [e.data['from'], e.clientIp])).toEqual(
      expect.arrayContaining([
        ['2001:db8::1', '2001:db8::1'],
        ['198.51.100.4', '198.51.100.4'],
        ['198.51.100.5', '198.51.100.5'],
      ]),
    );
    expect(events).toHaveLength(7);
  });

  it('pages after a cursor, filters by type and actor kind, and pages backwards', async () => {
    const organizationId = await createOrganization();
    const other = await createOrganization();
    await inTransaction(dataSource, async (manager) => {
      appendEvents(manager, [
        anEvent(organizationId, { type: 'user.created' }),
        anEvent(organizationId, { type: 'team.created', actor: 'admin:ada@contoso.example' }),
        anEvent(other, { type: 'user.created' }),
        anEvent(organizationId, { type: 'user.deleted', actor: 'api_key:billing' }),
        anEvent(organizationId, { type: 'user.created', actor: 'administrator:not-a-kind' }),
      ]);
    });
    const page = (after: number, limit: number) =>
      store.list({ organizationId, after, limit }).then((events) => events.map((e) => e.sequence));
    expect(await page(0, 2)).toEqual([1, 2]);
    expect(await page(2, 2)).toEqual([3, 4]);
    expect(await page(4, 2)).toEqual([]);
    const created = await store.list({
      organizationId,
      after: 0,
      limit: 10,
      types: ['user.created'],
    });
    expect(created.map((e) => e.sequence)).toEqual([1, 4]);
    const activity = await store.list({
      organizationId,
      limit: 10,
      actorKinds: ['admin', 'api_key'],
    });
    expect(activity.map((e) => e.type)).toEqual(['user.deleted', 'team.created']);
    const older = await store.list({ organizationId, before: 3, limit: 10 });
    expect(older.map((e) => e.sequence)).toEqual([2, 1]);
    const one = await store.list({ organizationId, limit: 10, actor: 'api_key:billing' });
    expect(one.map((e) => e.type)).toEqual(['user.deleted']);
    expect((await store.list({ organizationId: other, after: 0, limit: 10 })).length).toBe(1);
  });

  it('lists the distinct actors of some kinds, most recently active first, within a limit', async () => {
    const organizationId = await createOrganization();
    const other = await createOrganization();
    const actors = [
      'admin:ada@contoso.example',
      'scim:rc_test',
      'api_key:billing',
      'admin:ada@contoso.example',
      'cli',
      'system:retention',
      // Kind names are matched literally: `_` is not "any character" here.
      'apixkey:lookalike',
    ];
    await inTransaction(dataSource, async (manager) => {
      appendEvents(manager, [
        ...actors.map((actor) => anEvent(organizationId, { actor })),
        anEvent(other, { actor: 'admin:someone@else.example' }),
      ]);
    });
    const kinds = ['admin', 'api_key', 'cli', 'system'];
    expect(await store.actors(organizationId, kinds, 10)).toEqual([
      'system:retention',
      'cli',
      'admin:ada@contoso.example',
      'api_key:billing',
    ]);
    expect(await store.actors(organizationId, kinds, 2)).toEqual(['system:retention', 'cli']);
    expect(await store.actors(organizationId, ['scim'], 10)).toEqual(['scim:rc_test']);
  });

  it('purges events past a cutoff and keeps the cursors of the rest', async () => {
    const organizationId = await createOrganization();
    await inTransaction(dataSource, async (manager) => {
      appendEvents(manager, [anEvent(organizationId), anEvent(organizationId)]);
    });
    const deleted = await store.deleteOlderThan(new Date(Date.now() + 60_000));
    expect(deleted).toBeGreaterThanOrEqual(2);
    expect(await store.list({ organizationId, after: 0, limit: 10 })).toEqual([]);
    await inTransaction(dataSource, async (manager) => {
      appendEvents(manager, [anEvent(organizationId)]);
    });
    const events = await store.list({ organizationId, after: 0, limit: 10 });
    expect(events.map((e) => e.sequence)).toEqual([3]);
    expect(await store.deleteOlderThan(new Date(Date.now() - 60_000))).toBe(0);
  });
});
