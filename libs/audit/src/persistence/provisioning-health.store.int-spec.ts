import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions, runMigrations } from '@rollcall/db';
import {
  createFreshDatabase,
  insertOrganization,
  onPostgres,
  type FreshDatabase,
} from '@rollcall/db/testing';
import type { ProvisioningLogEntry } from '../domain/provisioning-log-entry';
import { GetProvisioningHealth } from '../use-cases/get-provisioning-health.use-case';
import { DEFAULT_QUEUE_OPTIONS } from './provisioning-log.queue';
import { ProvisioningLogStore } from './provisioning-log.store';
import { ProvisioningHealthStore } from './provisioning-health.store';

// The health chart's grouping on SQLite and (TEST_DB=postgres) PostgreSQL: rows at known
// times land in their UTC hour or day, bucket boundaries are exact, empty buckets are zero,
// the failure rule is Entra's, and the grouped query reads the time index on 100k rows.

let database: FreshDatabase;
let dataSource: DataSource;
let log: ProvisioningLogStore;
let health: GetProvisioningHealth;

const now = new Date('2031-03-04T05:30:00.000Z');
const hourStart = Date.parse('2031-03-04T05:00:00.000Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function anEntry(
  organizationId: string,
  at: number,
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
    createdAt: new Date(at),
    ...overrides,
  };
}

async function write(entries: ProvisioningLogEntry[]): Promise<void> {
  const queue = log.writeBehind({
    ...DEFAULT_QUEUE_OPTIONS,
    flushIntervalMs: 3_600_000,
    warn: () => undefined,
  });
  entries.forEach((entry) => queue.enqueue(entry));
  await queue.flush();
  expect(queue.stats()).toMatchObject({ written: entries.length });
}

beforeAll(async () => {
  database = await createFreshDatabase();
  dataSource = await new DataSource(buildDataSourceOptions(database.config)).initialize();
  await runMigrations(dataSource);
  log = new ProvisioningLogStore(dataSource);
  health = new GetProvisioningHealth(new ProvisioningHealthStore(dataSource));
});

afterAll(async () => {
  await dataSource?.destroy();
  await database?.drop();
});

describe('GetProvisioningHealth', () => {
  it('counts rows per UTC hour, on exact boundaries, zero-filled, with Entra’s failure rule', async () => {
    const organizationId = await insertOrganization(dataSource);
    const other = await insertOrganization(dataSource);
    const oldest = hourStart - 23 * HOUR;
    await write([
      // Before the window: not counted.
      anEntry(organizationId, oldest - 1, { status: 500 }),
      // The oldest bucket's first millisecond.
      anEntry(organizationId, oldest, { status: 409, method: 'POST', scimType: 'uniqueness' }),
      // The last millisecond of the hour before the newest.
      anEntry(organizationId, hourStart - 1),
      anEntry(organizationId, hourStart - 1, { status: 404, method: 'GET' }),
      // The newest bucket.
      anEntry(organizationId, hourStart),
      anEntry(organizationId, hourStart + 1, { status: 404, method: 'PATCH' }),
      anEntry(organizationId, hourStart + 2, {
        status: 409,
        method: 'POST',
        scimType: 'uniqueness',
      }),
      anEntry(organizationId, hourStart + 3, { status: 500 }),
      anEntry(organizationId, hourStart + 4, { status: 429, method: 'PATCH' }),
      anEntry(other, hourStart, { status: 500 }),
    ]);

    const result = await health.execute(organizationId, '24h', now);

    expect(result.unit).toBe('hour');
    expect(result.since.toISOString()).toBe(new Date(oldest).toISOString());
    expect(result.buckets).toHaveLength(24);
    const nonZero = result.buckets
      .map((b, index) => ({
        index,
        start: b.start.toISOString(),
        requests: b.requests,
        failures: b.failures,
      }))
      .filter((b) => b.requests > 0);
    expect(nonZero).toEqual([
      { index: 0, start: '2031-03-03T06:00:00.000Z', requests: 1, failures: 1 },
      // A 404 to a GET is matching, not a failure.
      { index: 22, start: '2031-03-04T04:00:00.000Z', requests: 2, failures: 0 },
      { index: 23, start: '2031-03-04T05:00:00.000Z', requests: 5, failures: 4 },
    ]);
    expect(result.requests).toBe(8);
    expect(result.failures).toBe(5);
    expect(result.failureRatio).toBe(5 / 8);
    expect(result.topErrors).toEqual([
      { status: 409, scimType: 'uniqueness', count: 2 },
      { status: 404, scimType: null, count: 1 },
      { status: 429, scimType: null, count: 1 },
      { status: 500, scimType: null, count: 1 },
    ]);
  });

  it('counts rows per UTC day over 30 days and keeps the top 5 errors', async () => {
    const organizationId = await insertOrganization(dataSource);
    const today = Date.parse('2031-03-04T00:00:00.000Z');
    const statuses = [400, 401, 403, 409, 412, 422];
    await write([
      anEntry(organizationId, today - 29 * DAY),
      anEntry(organizationId, today - 29 * DAY - 1, { status: 500 }),
      anEntry(organizationId, today - 1, { status: 500 }),
      anEntry(organizationId, today),
      ...statuses.flatMap((status, i) =>
        Array.from({ length: 6 - i }, () =>
          anEntry(organizationId, today + HOUR, { status, method: 'PUT' }),
        ),
      ),
    ]);

    const result = await health.execute(organizationId, '30d', now);

    expect(result.unit).toBe('day');
    expect(result.buckets).toHaveLength(30);
    expect(result.buckets[0]).toMatchObject({ requests: 1, failures: 0 });
    expect(result.buckets[0]?.start.toISOString()).toBe('2031-02-03T00:00:00.000Z');
    expect(result.buckets[28]).toMatchObject({ requests: 1, failures: 1 });
    expect(result.buckets[29]).toMatchObject({ requests: 22, failures: 21 });
    expect(result.buckets.slice(1, 28).every((b) => b.requests === 0)).toBe(true);
    expect(result.topErrors.map((e) => [e.status, e.count])).toEqual([
      [400, 6],
      [401, 5],
      [403, 4],
      [409, 3],
      [412, 2],
    ]);
  });

  it('is all zeros for an organization without requests', async () => {
    const organizationId = await insertOrganization(dataSource);
    const result = await health.execute(organizationId, '24h', now);
    expect(result.requests).toBe(0);
    expect(result.failureRatio).toBe(0);
    expect(result.buckets.every((b) => b.requests === 0 && b.failures === 0)).toBe(true);
    expect(result.topErrors).toEqual([]);
  });

  it('groups 100k rows through the (organization_id, created_at) index', async () => {
    const organizations = [
      await insertOrganization(dataSource),
      await insertOrganization(dataSource),
    ];
    // 100,000 rows over 200 days, in SQL: generating them in JS would be most of the test.
    for (const organizationId of organizations) {
      const insert = onPostgres()
        ? `INSERT INTO provisioning_log (id, organization_id, method, path, status, duration_ms, created_at)
           SELECT gen_random_uuid()::text, $1, 'GET', '/scim/v2/Users', CASE WHEN n % 10 = 0 THEN 409 ELSE 200 END, 1,
             $2::timestamptz - (n * interval '172 seconds')
           FROM generate_series(1, 50000) AS n`
        : `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50000)
           INSERT INTO provisioning_log (id, organization_id, method, path, status, duration_ms, created_at)
           SELECT lower(hex(randomblob(16))), ?, 'GET', '/scim/v2/Users', CASE WHEN i % 10 = 0 THEN 409 ELSE 200 END, 1,
             strftime('%Y-%m-%d %H:%M:%f', ?, '-' || (i * 172) || ' seconds')
           FROM n`;
      await dataSource.query(insert, [
        organizationId,
        onPostgres() ? now.toISOString() : '2031-03-04 05:30:00.000',
      ]);
    }
    await dataSource.query(onPostgres() ? 'ANALYZE provisioning_log' : 'ANALYZE');
    const [{ count }] = (await dataSource.query(
      'SELECT COUNT(*) AS count FROM provisioning_log WHERE organization_id IN ($1, $2)'.replace(
        /\$\d/g,
        onPostgres() ? (m) => m : () => '?',
      ),
      organizations,
    )) as [{ count: unknown }];
    expect(Number(count)).toBe(100_000);

    const text = new ProvisioningHealthStore(dataSource).bucketQuery('hour');
    const since = new Date(now.getTime() - DAY);
    const plan = onPostgres()
      ? (
          (await dataSource.query(`EXPLAIN ${text}`, [organizations[0], since])) as {
            'QUERY PLAN': string;
          }[]
        )
          .map((row) => row['QUERY PLAN'])
          .join('\n')
      : (
          (await dataSource.query(`EXPLAIN QUERY PLAN ${text}`, [
            organizations[0],
            '2031-03-03 05:30:00.000',
          ])) as { detail: string }[]
        )
          .map((row) => row.detail)
          .join('\n');
    expect(plan).toContain('ix_provisioning_log_org_time');
    expect(plan).not.toMatch(/Seq Scan|SCAN l$|SCAN provisioning_log(?! USING)/m);

    const result = await health.execute(organizations[0] ?? '', '24h', now);
    // One row every 172 s back from 05:30; the window starts at 06:00 the day before
    // (84,600 s earlier): rows 1–491, every tenth a conflict.
    expect(result.requests).toBe(491);
    expect(result.failures).toBe(49);
  });
});
