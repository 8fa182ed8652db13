import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { DataSource, type EntityManager } from 'typeorm';
import { databaseUnavailability } from './database-unavailable';
import { createFreshDatabase, onPostgres, type FreshDatabase } from './testing/fresh-database';
import { buildDataSourceOptions } from './database.options';
import { dialectOf } from './dialect';
import { prepareSqliteFile } from './sqlite-file';
import { inTransaction } from './transaction.runner';

// inTransaction is all-or-nothing on both dialects, and on SQLite (one connection shared by
// every request) concurrent callers take turns instead of interleaving their statements.

let database: FreshDatabase;
let dataSource: DataSource;

beforeAll(async () => {
  database = await createFreshDatabase();
  if (database.config.dialect === 'sqlite') prepareSqliteFile(database.config.file);
  dataSource = await new DataSource(buildDataSourceOptions(database.config)).initialize();
  await dataSource.query(
    `CREATE TABLE tx_probe (id varchar(36) PRIMARY KEY NOT NULL, value integer NOT NULL)`,
  );
});

afterAll(async () => {
  await dataSource.destroy();
  await database.drop();
});

async function insertProbe(manager: EntityManager, value = 0): Promise<string> {
  const id = randomUUID();
  await manager.createQueryBuilder().insert().into('tx_probe').values({ id, value }).execute();
  return id;
}

async function readProbe(
  manager: EntityManager,
  id: string,
  forUpdate = false,
): Promise<number | undefined> {
  const query = manager
    .createQueryBuilder()
    .select('p.value', 'value')
    .from('tx_probe', 'p')
    .where('p.id = :id', { id });
  // SQLite has no row locks (and needs none: writers take turns); PostgreSQL does.
  if (forUpdate && dialectOf(dataSource) === 'postgres') query.setLock('pessimistic_write');
  const row = await query.getRawOne<{ value: number | string }>();
  return row === undefined ? undefined : Number(row.value);
}

/** Read, yield to the event loop, write: what a lost update looks like when unserialised. */
async function increment(id: string): Promise<void> {
  await inTransaction(dataSource, async (manager) => {
    const value = (await readProbe(manager, id, true)) ?? 0;
    await new Promise((resolve) => setImmediate(resolve));
    await manager
      .createQueryBuilder()
      .update('tx_probe')
      .set({ value: value + 1 })
      .where('id = :id', { id })
      .execute();
  });
}

describe('inTransaction', () => {
  it('commits the work and returns its result', async () => {
    const id = await inTransaction(dataSource, (manager) => insertProbe(manager, 7));
    expect(await readProbe(dataSource.manager, id)).toBe(7);
  });

  it('rolls everything back when the work throws, and rethrows the same error', async () => {
    const failure = new Error('boom');
    let inserted: string[] = [];
    await expect(
      inTransaction(dataSource, async (manager) => {
        inserted = [await insertProbe(manager, 1), await insertProbe(manager, 2)];
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(inserted).toHaveLength(2);
    for (const id of inserted) {
      expect(await readProbe(dataSource.manager, id)).toBeUndefined();
    }
  });

  it('rolls back when a statement fails midway', async () => {
    const existing = await inTransaction(dataSource, (manager) => insertProbe(manager));
    let fresh = '';
    await expect(
      inTransaction(dataSource, async (manager) => {
        fresh = await insertProbe(manager, 5);
        await manager
          .createQueryBuilder()
          .insert()
          .into('tx_probe')
          .values({ id: existing, value: 1 })
          .execute();
      }),
    ).rejects.toThrow();
    expect(await readProbe(dataSource.manager, fresh)).toBeUndefined();
    expect(await readProbe(dataSource.manager, existing)).toBe(0);
  });

  it('loses no update when 20 read-modify-write transactions run concurrently', async () => {
    const id = await inTransaction(dataSource, (manager) => insertProbe(manager, 0));
    await Promise.all(Array.from({ length: 20 }, () => increment(id)));
    expect(await readProbe(dataSource.manager, id)).toBe(20);
  });

  it('lets the transactions after a failed one commit', async () => {
    const id = await inTransaction(dataSource, (manager) => insertProbe(manager, 0));
    const results = await Promise.allSettled([
      increment(id),
      inTransaction(dataSource, async (manager) => {
        await insertProbe(manager);
        throw new Error('one bad request');
      }),
      increment(id),
      increment(id),
    ]);
    expect(results.map((r) => r.status)).toEqual([
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
    ]);
    expect(await readProbe(dataSource.manager, id)).toBe(3);
  });
});

// Another process (a backup tool, the CLI) holding SQLite's write lock: writers wait for it
// without blocking the event loop, and give up "busy" (a 503 at the edges) after a bound.
if (!onPostgres()) {
  describe('inTransaction on SQLite with a second writer', () => {
    let other: Database.Database;
    const sqliteFile = () => {
      if (database.config.dialect !== 'sqlite') throw new Error('SQLite only');
      return database.config.file;
    };

    beforeEach(() => {
      other = new Database(sqliteFile());
      other.pragma('busy_timeout = 0');
    });

    afterEach(() => {
      if (other.inTransaction) other.exec('ROLLBACK');
      other.close();
    });

    it('waits for the lock asynchronously, serving reads meanwhile, and commits once it is released', async () => {
      other.exec('BEGIN IMMEDIATE');
      let ticks = 0;
      const ticker = setInterval(() => (ticks += 1), 10);
      let settled = false;
      const write = inTransaction(dataSource, (manager) => insertProbe(manager, 42));
      void write.finally(() => (settled = true)).catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const [row] = (await dataSource.query('SELECT 1 AS one')) as Array<{ one: number }>;
      clearInterval(ticker);
      expect({ settled, read: row?.one, eventLoopRan: ticks > 0 }).toEqual({
        settled: false,
        read: 1,
        eventLoopRan: true,
      });
      other.exec('COMMIT');
      const id = await write;
      expect(await readProbe(dataSource.manager, id)).toBe(42);
    }, 20_000);

    it('gives up with a "busy" error after the bound, and the next writer is not stuck', async () => {
      other.exec('BEGIN IMMEDIATE');
      const error: unknown = await inTransaction(dataSource, (manager) =>
        insertProbe(manager, 9),
      ).catch((caught: unknown) => caught);
      expect(databaseUnavailability(error)).toBe('busy');
      other.exec('ROLLBACK');
      const id = await inTransaction(dataSource, (manager) => insertProbe(manager, 10));
      expect(await readProbe(dataSource.manager, id)).toBe(10);
      const [count] = (await dataSource.query(
        'SELECT COUNT(*) AS n FROM tx_probe WHERE value = 9',
      )) as Array<{ n: number }>;
      expect(count?.n).toBe(0);
    }, 20_000);

    it('keeps the database and its WAL readable by the service account only', () => {
      const file = sqliteFile();
      for (const path of [file, `${file}-wal`, `${file}-shm`]) {
        expect({ path, mode: statSync(path).mode & 0o777 }).toEqual({ path, mode: 0o600 });
      }
      expect(statSync(dirname(file)).mode & 0o777).toBe(0o700);
    });
  });
}
