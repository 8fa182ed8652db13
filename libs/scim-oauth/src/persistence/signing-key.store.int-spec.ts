import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Transactions, buildDataSourceOptions, runMigrations } from '@rollcall/db';
import { createFreshDatabase, type FreshDatabase } from '@rollcall/db/testing';
import type { SigningKey } from '../domain/signing-key';
import { SigningKeyEntity } from './signing-key.entity';
import { SigningKeyStore } from './signing-key.store';

// Rollcall's token signing keys through their store, on SQLite and (TEST_DB=postgres)
// PostgreSQL: every column reads back as written, and a key is dropped or re-sealed alone.

let database: FreshDatabase;
let dataSource: DataSource;
let transactions: Transactions;
let store: SigningKeyStore;

function aKey(overrides: Partial<SigningKey> = {}): SigningKey {
  const kid = randomUUID();
  return {
    kid,
    algorithm: 'ES256',
    publicJwk: JSON.stringify({ kty: 'EC', crv: 'P-256', x: 'x', y: 'y', kid }),
    privateKeySealed: `sealed:${kid}`,
    createdAt: new Date('2026-03-04T05:06:07.891Z'),
    activatesAt: new Date('2026-03-04T05:06:07.891Z'),
    signsUntil: new Date('2026-04-03T05:06:07.891Z'),
    ...overrides,
  };
}

const byKid = (a: SigningKey, b: SigningKey) => (a.kid < b.kid ? -1 : 1);

beforeAll(async () => {
  database = await createFreshDatabase();
  dataSource = await new DataSource(
    buildDataSourceOptions(database.config, { entities: [SigningKeyEntity] }),
  ).initialize();
  await runMigrations(dataSource);
  transactions = new Transactions(dataSource);
  store = new SigningKeyStore(dataSource);
});

afterAll(async () => {
  await dataSource?.destroy();
  await database?.drop();
});

beforeEach(async () => {
  await dataSource.query('DELETE FROM oauth_signing_keys');
});

describe('SigningKeyStore', () => {
  it('reads every key back as written, and drops the ones named only', async () => {
    const first = aKey();
    const second = aKey({ activatesAt: new Date('2026-04-01T05:06:07.891Z') });
    const third = aKey();
    await transactions.run(async (tx) => {
      for (const key of [first, second, third]) await store.insert(tx, key);
    });
    expect((await store.all()).sort(byKid)).toEqual([first, second, third].sort(byKid));

    await store.delete([first.kid, third.kid, randomUUID()]);
    await store.delete([]);
    expect(await store.all()).toEqual([second]);
  });

  it('inserts nothing when the transaction rolls back', async () => {
    await expect(
      transactions.run(async (tx) => {
        await store.insert(tx, aKey());
        throw new Error('after the write');
      }),
    ).rejects.toThrow('after the write');
    expect(await store.all()).toEqual([]);
  });

  it('hands out the sealed private halves and replaces one without touching the rest', async () => {
    const first = aKey();
    const second = aKey();
    await transactions.run(async (tx) => {
      await store.insert(tx, first);
      await store.insert(tx, second);
    });
    await transactions.run(async (tx) => {
      const sealed = await store.sealedPrivateKeys(tx);
      expect(sealed.sort((a, b) => (a.kid < b.kid ? -1 : 1))).toEqual(
        [first, second].sort(byKid).map(({ kid, privateKeySealed }) => ({ kid, privateKeySealed })),
      );
      await store.replaceSealedPrivateKey(tx, first.kid, 'resealed');
    });
    expect((await store.all()).sort(byKid)).toEqual(
      [{ ...first, privateKeySealed: 'resealed' }, second].sort(byKid),
    );
  });
});
