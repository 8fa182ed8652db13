import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions, runMigrations } from '@rollcall/db';
import { createFreshDatabase, insertOrganization, type FreshDatabase } from '@rollcall/db/testing';
import type { ProvisioningLogEntry } from '../domain/provisioning-log-entry';
import { DEFAULT_QUEUE_OPTIONS } from '../persistence/provisioning-log.queue';
import { ProvisioningLogStore } from '../persistence/provisioning-log.store';
import { ExportProvisioningLog } from './export-provisioning-log.use-case';

// The CSV export's reads on SQLite and (TEST_DB=postgres) PostgreSQL: keyset batches across
// more than one batch (ties on the time included) lose and repeat nothing, keep the filter,
// and stop at the row cap.

let database: FreshDatabase;
let dataSource: DataSource;
let store: ProvisioningLogStore;
let exporter: ExportProvisioningLog;
let organizationId: string;
let written: ProvisioningLogEntry[];

const base = Date.parse('2031-03-04T05:06:07.000Z');

async function exported(
  query: Parameters<ExportProvisioningLog['execute']>[1],
  maxRows: number,
): Promise<{ ids: string[]; batches: number[] }> {
  const ids: string[] = [];
  const batches: number[] = [];
  for await (const batch of exporter.execute(organizationId, query, maxRows)) {
    batches.push(batch.length);
    ids.push(...batch.map((entry) => entry.id));
  }
  return { ids, batches };
}

beforeAll(async () => {
  database = await createFreshDatabase();
  dataSource = await new DataSource(buildDataSourceOptions(database.config)).initialize();
  await runMigrations(dataSource);
  store = new ProvisioningLogStore(dataSource);
  exporter = new ExportProvisioningLog(store);
  organizationId = await insertOrganization(dataSource);
  // 2,500 entries, two per millisecond (ties the keyset must break by id), every fifth failed.
  written = Array.from({ length: 2_500 }, (_, i) => ({
    id: randomUUID(),
    organizationId,
    tokenPrefix: null,
    requestId: null,
    method: 'GET',
    path: `/scim/v2/Users/${i}`,
    filter: null,
    status: i % 5 === 0 ? 409 : 200,
    scimType: null,
    detail: null,
    resourceType: 'User',
    resourceId: null,
    durationMs: 1,
    requestBody: null,
    createdAt: new Date(base + Math.floor(i / 2)),
  }));
  const queue = store.writeBehind({
    ...DEFAULT_QUEUE_OPTIONS,
    flushIntervalMs: 3_600_000,
    warn: () => undefined,
  });
  written.forEach((entry) => queue.enqueue(entry));
  await queue.flush();
  expect(queue.stats()).toMatchObject({ written: 2_500 });
});

afterAll(async () => {
  await dataSource?.destroy();
  await database?.drop();
});

const newestFirst = (entries: ProvisioningLogEntry[]) =>
  [...entries]
    .sort(
      (a, b) =>
        b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0),
    )
    .map((entry) => entry.id);

describe('ExportProvisioningLog', () => {
  it('reads every entry once, newest first, in batches of 1,000', async () => {
    const { ids, batches } = await exported({}, 50_000);
    expect(batches).toEqual([1_000, 1_000, 500]);
    expect(ids).toEqual(newestFirst(written));
  });

  it('stops at the row cap', async () => {
    const { ids, batches } = await exported({}, 2_100);
    expect(batches).toEqual([1_000, 1_000, 100]);
    expect(ids).toEqual(newestFirst(written).slice(0, 2_100));
  });

  it('keeps the filter across batches', async () => {
    const { ids } = await exported({ status: 'failed' }, 50_000);
    expect(ids).toEqual(newestFirst(written.filter((entry) => entry.status === 409)));
    expect(ids).toHaveLength(500);
  });
});
