import { randomUUID } from 'node:crypto';
import { createServer, connect, type Server, type Socket } from 'node:net';
import Database from 'better-sqlite3';
import { DataSource } from 'typeorm';
import {
  SqlRunner,
  SqlStatement,
  buildDataSourceOptions,
  inIdList,
  runMigrations,
  type DatabaseConfig,
} from '@rollcall/db';
import { createFreshDatabase, type FreshDatabase } from '@rollcall/db/testing';
import type { ProvisioningLogEntry } from '../domain/provisioning-log-entry';
import type { ProvisioningRequest } from '../domain/provisioning-request';
import { RecordProvisioningRequest } from '../use-cases/record-provisioning-request.use-case';
import { DEFAULT_QUEUE_OPTIONS, ProvisioningLogQueue } from './provisioning-log.queue';
import { ProvisioningLogStore } from './provisioning-log.store';

// The provisioning log's queue against a real database: a row the database refuses costs
// only that row, a database that is down costs nothing until the bound, and every loss is
// counted.

let database: FreshDatabase;
let dataSource: DataSource;
let store: ProvisioningLogStore;
let organizationId: string;

async function openDataSource(config: DatabaseConfig): Promise<DataSource> {
  return new DataSource(buildDataSourceOptions(config)).initialize();
}

beforeAll(async () => {
  database = await createFreshDatabase();
  dataSource = await openDataSource(database.config);
  await runMigrations(dataSource);
  store = new ProvisioningLogStore(dataSource);
  organizationId = randomUUID();
  const now = new Date();
  await dataSource
    .createQueryBuilder()
    .insert()
    .into('organizations')
    .values({
      id: organizationId,
      name: 'Log Org',
      slug: 'log-org',
      created_at: now,
      updated_at: now,
    })
    .execute();
});

afterAll(async () => {
  await dataSource?.destroy();
  await database?.drop();
});

function aRequest(overrides: Partial<ProvisioningRequest> = {}): ProvisioningRequest {
  return {
    organizationId,
    tokenPrefix: 'rcs_abcd',
    requestId: randomUUID(),
    method: 'POST',
    path: '/scim/v2/Users',
    filter: null,
    status: 201,
    scimType: null,
    detail: null,
    resourceType: 'User',
    resourceId: randomUUID(),
    durationMs: 3,
    requestBody: { userName: 'ada@example.com' },
    at: new Date(),
    ...overrides,
  };
}

function anEntry(overrides: Partial<ProvisioningLogEntry> = {}): ProvisioningLogEntry {
  return {
    id: randomUUID(),
    organizationId,
    tokenPrefix: null,
    requestId: null,
    method: 'PATCH',
    path: '/scim/v2/Users/1',
    filter: null,
    status: 200,
    scimType: null,
    detail: null,
    resourceType: 'User',
    resourceId: null,
    durationMs: 1,
    requestBody: '{"secretMarker":"BODY-MARKER"}',
    createdAt: new Date(),
    ...overrides,
  };
}

async function storedIds(ids: string[]): Promise<Set<string>> {
  const sql = new SqlRunner(dataSource);
  const rows = await sql.run<{ id: string }>(
    undefined,
    new SqlStatement(`SELECT id FROM provisioning_log WHERE ${inIdList('id', sql.dialect)}`),
    [sql.values.idList(ids)],
  );
  return new Set(rows.map((r) => r.id));
}

function aQueue(source: DataSource, options: Partial<typeof DEFAULT_QUEUE_OPTIONS> = {}) {
  const warnings: string[] = [];
  const queue = new ProvisioningLogQueue(source, {
    ...DEFAULT_QUEUE_OPTIONS,
    // Timers never fire during a test: every write is an explicit flush().
    flushIntervalMs: 3_600_000,
    retryBaseMs: 3_600_000,
    retryMaxMs: 3_600_000,
    ...options,
    warn: (line) => warnings.push(line),
  });
  return { queue, warnings };
}

describe('provisioning log recorder', () => {
  it('stores NUL bytes and lone surrogates as U+FFFD in every text it keeps', async () => {
    const recorder = new RecordProvisioningRequest(store);
    recorder.execute(
      aRequest({
        method: 'GET',
        path: '/scim/v2/Users/\ud800x',
        filter: 'userName eq "a\u0000b"',
        status: 400,
        scimType: 'invalidFilter',
        detail: 'bad value "a\u0000b\udc00"',
        requestBody: null,
      }),
    );
    recorder.execute(aRequest({ requestBody: { title: 'x\u0000y', nickName: 'z\ud83d' } }));
    await recorder.flush();

    expect(recorder.stats()).toEqual({
      written: 2,
      droppedPoison: 0,
      droppedOverflow: 0,
      droppedBeforeQueue: 0,
      queued: 0,
    });
    const rows = (await store.list(organizationId, {}, 200)).filter(
      (r) => r.tokenPrefix === 'rcs_abcd',
    );
    expect(rows.map((r) => [r.path, r.filter, r.detail])).toContainEqual([
      '/scim/v2/Users/\ufffdx',
      'userName eq "a\ufffdb"',
      'bad value "a\ufffdb\ufffd"',
    ]);
    const body = rows.find((r) => r.requestBody !== null)?.requestBody ?? '';
    // eslint-disable-next-line no-control-regex -- a raw U+0000 is the failure looked for.
    expect(body).not.toMatch(/\u0000|[\ud800-\udfff]/);
    expect(body).toContain('title');
  });

  it('flushes what is buffered when the application shuts down', async () => {
    const recorder = new RecordProvisioningRequest(store);
    const request = aRequest();
    recorder.execute(request);
    await recorder.beforeApplicationShutdown();
    const rows = (await store.list(organizationId, {}, 200)).filter(
      (r) => r.requestId === request.requestId,
    );
    expect(rows).toHaveLength(1);
  });
});

describe('provisioning log queue', () => {
  it('drops only the rows the database refuses, counts them, and goes on writing', async () => {
    const { queue, warnings } = aQueue(dataSource, { batchSize: 50 });
    const good = Array.from({ length: 8 }, () => anEntry());
    // An organization deleted between the request and the write: a foreign-key violation.
    const orphan = anEntry({ organizationId: randomUUID() });
    // What issue 13 saw on PostgreSQL: an unsanitised NUL byte fails the insert there.
    const withNul = anEntry({ filter: 'userName eq "a\u0000b"' });
    for (const entry of [...good.slice(0, 4), orphan, withNul, ...good.slice(4)]) {
      queue.enqueue(entry);
    }
    await queue.flush();

    const nulRefused = dataSource.options.type === 'postgres';
    expect(queue.stats()).toEqual({
      written: nulRefused ? 8 : 9,
      droppedPoison: nulRefused ? 2 : 1,
      droppedOverflow: 0,
      queued: 0,
    });
    expect(await storedIds(good.map((e) => e.id))).toEqual(new Set(good.map((e) => e.id)));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /^Provisioning log: dropped \d of 10 entries the database refused \(\w+\)/,
    );
    expect(warnings[0]).not.toContain('BODY-MARKER');
    expect(warnings[0]?.length).toBeLessThan(200);

    // Nothing is stuck at the head of the queue: later entries go straight in.
    const later = [anEntry(), anEntry()];
    later.forEach((entry) => queue.enqueue(entry));
    await queue.flush();
    expect(await storedIds(later.map((e) => e.id))).toEqual(new Set(later.map((e) => e.id)));
    expect(queue.stats().queued).toBe(0);
  });

  it('bounds what it holds in characters too, dropping the oldest entries first', async () => {
    const body = `"${'x'.repeat(4_000)}"`;
    const entries = Array.from({ length: 5 }, () => anEntry({ requestBody: body }));
    // Room for three such entries, not four.
    const { queue } = aQueue(dataSource, { maxQueuedChars: 3 * 4_400 });
    entries.forEach((entry) => queue.enqueue(entry));
    expect(queue.stats()).toMatchObject({ queued: 3, droppedOverflow: 2 });
    await queue.flush();
    const kept = entries.slice(2).map((e) => e.id);
    expect(await storedIds(entries.map((e) => e.id))).toEqual(new Set(kept));
  });

  it('keeps every row while the database is down, drops the oldest past the bound, writes the rest when it is back', async () => {
    const outage = await anOutage(database.config);
    try {
      const { queue, warnings } = aQueue(outage.dataSource, { batchSize: 10, maxQueued: 6 });
      const entries = Array.from({ length: 8 }, () => anEntry());
      entries.slice(0, 3).forEach((entry) => queue.enqueue(entry));
      await queue.flush();
      expect(queue.stats()).toMatchObject({ written: 3, queued: 0 });

      await outage.begin();
      entries.slice(3).forEach((entry) => queue.enqueue(entry));
      await queue.flush();
      expect(queue.stats()).toEqual({
        written: 3,
        droppedPoison: 0,
        droppedOverflow: 0,
        queued: 5,
      });
      // The bound counts what waits: two more push the two oldest out.
      const extra = [anEntry(), anEntry()];
      extra.forEach((entry) => queue.enqueue(entry));
      expect(queue.stats()).toEqual({
        written: 3,
        droppedPoison: 0,
        droppedOverflow: 1,
        queued: 6,
      });
      await queue.flush();
      expect(queue.stats()).toMatchObject({ droppedPoison: 0, queued: 6 });

      await outage.end();
      await queue.flush();
      expect(queue.stats()).toEqual({
        written: 9,
        droppedPoison: 0,
        droppedOverflow: 1,
        queued: 0,
      });
      const kept = [...entries.slice(4), ...extra];
      expect(await storedIds(kept.map((e) => e.id))).toEqual(new Set(kept.map((e) => e.id)));
      expect(await storedIds([entries[3]?.id ?? ''])).toEqual(new Set());

      expect(warnings.filter((w) => /database unavailable/.test(w))).toHaveLength(2);
      expect(warnings.at(-1)).toMatch(/database back/);
      for (const line of warnings) {
        expect(line).not.toContain('BODY-MARKER');
        expect(line.length).toBeLessThan(200);
      }
    } finally {
      await outage.close();
    }
  });
});

interface Outage {
  dataSource: DataSource;
  begin(): Promise<void>;
  end(): Promise<void>;
  close(): Promise<void>;
}

/** A second data source on the same database, and a way to make that database unavailable to it. */
async function anOutage(config: DatabaseConfig): Promise<Outage> {
  if (config.dialect === 'sqlite') {
    // Another process holding SQLite's write lock (a backup, the CLI) makes inserts busy.
    const holder = new Database(config.file);
    const source = await openDataSource(config);
    return {
      dataSource: source,
      begin: async () => void holder.exec('BEGIN EXCLUSIVE'),
      end: async () => void holder.exec('COMMIT'),
      close: async () => {
        if (holder.inTransaction) holder.exec('ROLLBACK');
        holder.close();
        await source.destroy();
      },
    };
  }
  // PostgreSQL behind a TCP proxy that can be cut: refused connections, dropped sockets.
  const target = new URL(config.url);
  const sockets = new Set<Socket>();
  let cut = false;
  const proxy: Server = createServer((client) => {
    if (cut) {
      client.destroy();
      return;
    }
    const upstream = connect(Number(target.port || 5432), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((done) => proxy.listen(0, '127.0.0.1', done));
  const address = proxy.address();
  const proxied = new URL(config.url);
  proxied.hostname = '127.0.0.1';
  proxied.port = String(typeof address === 'object' && address ? address.port : 0);
  const source = await openDataSource({ ...config, url: proxied.toString() });
  return {
    dataSource: source,
    begin: async () => {
      cut = true;
      sockets.forEach((socket) => socket.destroy());
    },
    end: async () => {
      cut = false;
    },
    close: async () => {
      await source.destroy().catch(() => undefined);
      sockets.forEach((socket) => socket.destroy());
      await new Promise((done) => proxy.close(done));
    },
  };
}
