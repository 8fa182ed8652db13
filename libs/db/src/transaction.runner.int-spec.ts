import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { createFreshDatabase, type FreshDatabase } from './testing/fresh-database';
import { buildDataSourceOptions } from './database.options';
import { dialectOf } from './dialect';
import { inTransaction } from './transaction.runner';

// inTransaction is all-or-nothing on both dialects, and on SQLite (one connection shared by
// every request) concurrent callers take turns instead of interleaving their statements.

let database: FreshDatabase;
let dataSource: DataSource;

beforeAll(async () => {
  database = await createFreshDatabase();
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
