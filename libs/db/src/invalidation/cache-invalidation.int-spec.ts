import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../database.options';
import { runMigrations } from '../migration.runner';
import { prepareSqliteFile } from '../sqlite-file';
import { createFreshDatabase, onPostgres, type FreshDatabase } from '../testing/fresh-database';
import { inTransaction } from '../transaction.runner';
import { CACHE_LISTENER_APPLICATION_NAME, createCacheInvalidation } from './index';
import type { CacheInvalidation } from './cache-invalidation';

/** A PostgreSQL-only case is not defined at all on SQLite (rather than reported skipped). */
function notOnThisDatabase(..._definition: unknown[]): void {
  return undefined;
}

// Two data sources on one database stand for two processes (workers, replicas, the CLI):
// what one commits reaches the other's listeners, what it rolls back never does.

const ADMIN_URL = process.env['TEST_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

interface Process {
  dataSource: DataSource;
  invalidation: CacheInvalidation;
  heard: Record<string, number>;
}

let database: FreshDatabase;
let writer: Process;
let reader: Process;

async function open(): Promise<Process> {
  const dataSource = await new DataSource(buildDataSourceOptions(database.config)).initialize();
  const invalidation = createCacheInvalidation(dataSource);
  const heard: Record<string, number> = { alpha: 0, beta: 0, marker: 0 };
  for (const topic of Object.keys(heard)) {
    invalidation.subscribe(topic, () => (heard[topic] = (heard[topic] ?? 0) + 1));
  }
  return { dataSource, invalidation, heard };
}

const pause = () => new Promise((done) => setTimeout(done, 10));

/** Polls (sync first, as a cache does) until `condition` holds; gives up after ~20 s. */
async function until(process: Process, condition: () => boolean): Promise<void> {
  for (let i = 0; i < 2000; i += 1) {
    process.invalidation.sync();
    if (condition()) return;
    await pause();
  }
  throw new Error('condition not reached');
}

/**
 * Once coherent, and once a marker announced now has arrived (signals arrive in commit
 * order, so everything committed earlier has too): start counting.
 */
async function settled(process: Process): Promise<void> {
  await until(process, () => process.invalidation.coherent);
  const markers = process.heard['marker'] ?? 0;
  await announce(writer, 'marker');
  await until(process, () => (process.heard['marker'] ?? 0) > markers);
  process.heard['alpha'] = 0;
  process.heard['beta'] = 0;
}

function announce(process: Process, topic: string, commit = true): Promise<void> {
  return inTransaction(process.dataSource, async (manager) => {
    await process.invalidation.announce(manager, topic);
    if (!commit) throw new Error('rolled back');
  });
}

async function admin(sql: string, parameters: unknown[] = []): Promise<void> {
  const client = new Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql, parameters);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  database = await createFreshDatabase();
  if (database.config.dialect === 'sqlite') prepareSqliteFile(database.config.file);
  writer = await open();
  await runMigrations(writer.dataSource);
  reader = await open();
});

afterAll(async () => {
  for (const process of [writer, reader]) {
    await process?.invalidation.close();
    await process?.dataSource.destroy();
  }
  await database?.drop();
});

describe(`CacheInvalidation on ${onPostgres() ? 'PostgreSQL' : 'SQLite'}`, () => {
  it('a committed announcement reaches the other process; a rolled-back one never does', async () => {
    await settled(reader);
    await expect(announce(writer, 'alpha', false)).rejects.toThrow('rolled back');
    await announce(writer, 'beta');
    // Signals arrive in commit order: once beta is heard, an alpha would have been too.
    await until(reader, () => reader.heard['beta'] === 1);
    expect(reader.heard['alpha']).toBe(0);

    await announce(writer, 'alpha');
    await until(reader, () => reader.heard['alpha'] === 1);
    expect([reader.heard['alpha'], reader.heard['beta']]).toEqual([1, 1]);
  });

  it("the announcing process's own listeners hear its commit before the transaction returns", async () => {
    await settled(writer);
    await expect(announce(writer, 'alpha', false)).rejects.toThrow('rolled back');
    expect(writer.heard['alpha']).toBe(0);
    await announce(writer, 'alpha');
    // No sync, no waiting (on PostgreSQL its own notification may follow).
    expect(writer.heard['alpha']).toBeGreaterThanOrEqual(1);
    expect(writer.heard['beta']).toBe(0);
  });

  it('refuses an announcement outside a transaction', async () => {
    await expect(writer.invalidation.announce(writer.dataSource.manager, 'alpha')).rejects.toThrow(
      'inside the transaction',
    );
  });

  (onPostgres() ? it : notOnThisDatabase)(
    'a lost listener connection makes the process incoherent until it listens again, then every listener fires',
    async () => {
      await settled(reader);
      const name = new URL((database.config as { url: string }).url).pathname.slice(1);
      // The writer announces through a connection its pool already holds.
      await writer.dataSource.query('SELECT 1');
      // New connections are refused, so the outage lasts until the test ends it.
      await admin(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
      try {
        await admin(
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
           WHERE datname = $1 AND application_name = $2`,
          [name, CACHE_LISTENER_APPLICATION_NAME],
        );
        await until(reader, () => !reader.invalidation.coherent);
        // Announced while nobody in the reader listens: its notification is lost.
        await announce(writer, 'alpha');
        expect(reader.invalidation.coherent).toBe(false);
        expect(reader.heard['alpha']).toBe(0);
      } finally {
        await admin(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
      }
      await until(reader, () => reader.invalidation.coherent);
      // Made up for on reconnection: every topic, whether it moved or not.
      expect(reader.heard['alpha']).toBeGreaterThanOrEqual(1);
      expect(reader.heard['beta']).toBeGreaterThanOrEqual(1);

      await settled(reader);
      await announce(writer, 'beta');
      await until(reader, () => reader.heard['beta'] === 1);
      expect(reader.heard['alpha']).toBe(0);
    },
  );
});
