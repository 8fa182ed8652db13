import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions, runMigrations } from '@rollcall/db';
import { createFreshDatabase, insertOrganization, type FreshDatabase } from '@rollcall/db/testing';
import type { ProvisioningLogEntry } from '../domain/provisioning-log-entry';
import { DEFAULT_QUEUE_OPTIONS } from './provisioning-log.queue';
import { ProvisioningLogStore } from './provisioning-log.store';

// provisioning_log on SQLite and (TEST_DB=postgres) PostgreSQL: entries written by the queue
// read back whole, a page filters and pages newest first, counts are per status, and the
// purge bounds the log by age and by rows per organization.

let database: FreshDatabase;
let dataSource: DataSource;
let store: ProvisioningLogStore;

const MINUTE = 60_000;
const base = new Date('2031-03-04T05:06:07.089Z');
const at = (minutes: number) => new Date(base.getTime() + minutes * MINUTE);

function anEntry(
  organizationId: string,
  overrides: Partial<ProvisioningLogEntry> = {},
): ProvisioningLogEntry {
  return {
    id: randomUUID(),
    organizationId,
    tokenPrefix: null,
    requestId: null,
    method: 'GET',
    path: '/scim/v2/Users',
    filter: null,
    status: 200,
    scimType: null,
    detail: null,
    resourceType: 'User',
    resourceId: null,
    durationMs: 2,
    requestBody: null,
    createdAt: base,
    ...overrides,
  };
}

/** Writes the entries the way requests are recorded: through the write-behind queue. */
async function write(entries: ProvisioningLogEntry[]): Promise<void> {
  const warnings: string[] = [];
  const queue = store.writeBehind({
    ...DEFAULT_QUEUE_OPTIONS,
    flushIntervalMs: 3_600_000,
    warn: (line) => warnings.push(line),
  });
  entries.forEach((entry) => queue.enqueue(entry));
  await queue.flush();
  expect(queue.stats()).toMatchObject({ written: entries.length, droppedPoison: 0 });
  expect(warnings).toEqual([]);
}

const ids = (entries: ProvisioningLogEntry[]) => entries.map((entry) => entry.id);

beforeAll(async () => {
  database = await createFreshDatabase();
  dataSource = await new DataSource(buildDataSourceOptions(database.config)).initialize();
  await runMigrations(dataSource);
  store = new ProvisioningLogStore(dataSource);
});

afterAll(async () => {
  await dataSource?.destroy();
  await database?.drop();
});

describe('ProvisioningLogStore', () => {
  it('reads an entry back with every field as recorded', async () => {
    const organizationId = await insertOrganization(dataSource);
    const entry = anEntry(organizationId, {
      tokenPrefix: 'rcs_abcd',
      requestId: 'req-1',
      method: 'PATCH',
      path: '/scim/v2/Groups/g1',
      filter: 'displayName eq "x"',
      status: 409,
      scimType: 'uniqueness',
      detail: 'naïve “quotes” 🦄',
      resourceType: 'Group',
      resourceId: 'g1',
      durationMs: 17,
      requestBody: '{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"]}',
    });
    await write([entry]);
    expect(await store.list(organizationId, {}, 10)).toEqual([entry]);
  });

  it('lists one organization’s entries newest first under each filter, and pages by position', async () => {
    const organizationId = await insertOrganization(dataSource);
    const other = await insertOrganization(dataSource);
    const created = anEntry(organizationId, { method: 'POST', status: 201, createdAt: at(1) });
    const conflict = anEntry(organizationId, { method: 'POST', status: 409, createdAt: at(2) });
    const group = anEntry(organizationId, {
      resourceType: 'Group',
      resourceId: 'g1',
      createdAt: at(3),
    });
    const failed = anEntry(organizationId, { status: 500, createdAt: at(4) });
    // Two entries of one millisecond: the id orders them.
    const [tieLow, tieHigh] = [
      anEntry(organizationId, { createdAt: at(5) }),
      anEntry(organizationId, { createdAt: at(5) }),
    ].sort((a, b) => a.id.localeCompare(b.id));
    if (!tieLow || !tieHigh) throw new Error('expected two entries');
    await write([created, conflict, group, failed, tieLow, tieHigh, anEntry(other)]);

    const list = (filter: Parameters<ProvisioningLogStore['list']>[1], limit = 50) =>
      store.list(organizationId, filter, limit).then(ids);
    expect(await list({})).toEqual(ids([tieHigh, tieLow, failed, group, conflict, created]));
    expect(await list({ status: 'failed' })).toEqual(ids([failed, conflict]));
    expect(await list({ status: 'succeeded' })).toEqual(ids([tieHigh, tieLow, group, created]));
    expect(await list({ status: 201 })).toEqual(ids([created]));
    expect(await list({ resourceType: 'Group' })).toEqual(ids([group]));
    expect(await list({ resourceId: 'g1' })).toEqual(ids([group]));
    expect(await list({ method: 'POST' })).toEqual(ids([conflict, created]));
    expect(await list({ since: at(2), until: at(4) })).toEqual(ids([group, conflict]));

    const firstPage = await list({}, 3);
    expect(firstPage).toEqual(ids([tieHigh, tieLow, failed]));
    // The position of the last entry shown, as the cursor carries it.
    expect(await list({ before: { at: at(5), id: tieHigh.id } }, 3)).toEqual(
      ids([tieLow, failed, group]),
    );
    expect(await list({ before: { at: failed.createdAt, id: failed.id } })).toEqual(
      ids([group, conflict, created]),
    );
    expect(await store.list(randomUUID(), {}, 50)).toEqual([]);
  });

  it('counts requests per status since a time, with each status’s last request', async () => {
    const organizationId = await insertOrganization(dataSource);
    await write([
      anEntry(organizationId, { status: 200, createdAt: at(-10) }),
      anEntry(organizationId, { status: 200, createdAt: at(1) }),
      anEntry(organizationId, { status: 200, createdAt: at(3) }),
      anEntry(organizationId, { status: 429, createdAt: at(2) }),
      // A 404 to a read is matching; to a write it is a failed operation.
      // (At most 6 entries here: the row-cap test below counts on no organization past it.)
      anEntry(organizationId, { status: 404, method: 'GET', createdAt: at(2) }),
      anEntry(organizationId, { status: 404, method: 'PATCH', createdAt: at(1) }),
      anEntry(await insertOrganization(dataSource), { status: 500, createdAt: at(1) }),
    ]);
    const counts = await store.countByStatus(organizationId, at(0));
    expect(
      counts.sort(
        (a, b) => a.status - b.status || Number(a.failedOperation) - Number(b.failedOperation),
      ),
    ).toEqual([
      { status: 200, failedOperation: false, count: 2, lastAt: at(3) },
      { status: 404, failedOperation: false, count: 1, lastAt: at(2) },
      { status: 404, failedOperation: true, count: 1, lastAt: at(1) },
      { status: 429, failedOperation: true, count: 1, lastAt: at(2) },
    ]);
    expect(await store.countByStatus(organizationId, at(4))).toEqual([]);
  });

  it('deletes the entries older than a cutoff, of every organization, and says how many', async () => {
    const [first, second] = [
      await insertOrganization(dataSource),
      await insertOrganization(dataSource),
    ];
    const old = [anEntry(first, { createdAt: at(-60) }), anEntry(second, { createdAt: at(-61) })];
    const recent = [anEntry(first, { createdAt: at(-59) }), anEntry(second, { createdAt: at(0) })];
    await write([...old, ...recent]);
    expect(await store.deleteOlderThan(at(-60))).toBe(1);
    expect(await store.deleteOlderThan(at(-59))).toBe(1);
    expect(await store.deleteOlderThan(at(-59))).toBe(0);
    expect(ids(await store.list(first, {}, 10))).toEqual([recent[0]?.id]);
    expect(ids(await store.list(second, {}, 10))).toEqual([recent[1]?.id]);
  });

  it('keeps each organization’s newest entries past the row cap, ties with the oldest kept included', async () => {
    const [crowded, small] = [
      await insertOrganization(dataSource),
      await insertOrganization(dataSource),
    ];
    const entries = [0, 1, 2, 2, 3, 4, 5, 6, 7, 8].map((minute) =>
      anEntry(crowded, { createdAt: at(100 + minute) }),
    );
    const few = [anEntry(small, { createdAt: at(0) }), anEntry(small, { createdAt: at(1) })];
    await write([...entries, ...few]);
    // No other organization of this database has more than 7 entries. The 7th newest is at
    // minute 2, which the 8th shares: both stay, and only minutes 0 and 1 go.
    expect(await store.keepNewest(7)).toBe(2);
    expect((await store.list(crowded, {}, 20)).map((e) => e.createdAt)).toEqual(
      [8, 7, 6, 5, 4, 3, 2, 2].map((minute) => at(100 + minute)),
    );
    expect(await store.list(small, {}, 10)).toHaveLength(2);
    // Kept ties do not make the organization crowded again; a lower cap goes past them.
    expect(await store.keepNewest(7)).toBe(0);
    expect(await store.keepNewest(6)).toBe(2);
    expect(await store.list(crowded, {}, 20)).toHaveLength(6);
  });

  it('says whether the database is still open', async () => {
    const other = await new DataSource(buildDataSourceOptions(database.config)).initialize();
    const otherStore = new ProvisioningLogStore(other);
    expect(otherStore.isOpen()).toBe(true);
    await other.destroy();
    expect(otherStore.isOpen()).toBe(false);
  });
});
