import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  Transactions,
  buildDataSourceOptions,
  createCacheInvalidation,
  runMigrations,
  type CacheInvalidation,
} from '@rollcall/db';
import { createFreshDatabase, onPostgres, type FreshDatabase } from '@rollcall/db/testing';
import { ApiKeyError } from '../domain/api-key.error';
import { generateApiKeySecret, hashApiKey } from '../domain/api-key.secret';
import { AuthenticateApiKey } from '../use-cases/authenticate-api-key.use-case';
import { CreateApiKey } from '../use-cases/create-api-key.use-case';
import { RevokeApiKey } from '../use-cases/revoke-api-key.use-case';
import { ApiKeyStore } from './api-key.store';
import { ORGANIZATION_ENTITIES } from './organization.entities';
import { OrganizationEntity } from './organization.entity';

// The api_keys store and the key cache on a real database (SQLite, or PostgreSQL with
// TEST_DB=postgres): what is kept (never the key), what is refused, what is cached.

interface Process {
  dataSource: DataSource;
  invalidation: CacheInvalidation;
  transactions: Transactions;
  store: ApiKeyStore;
  authenticate: AuthenticateApiKey;
}

let database: FreshDatabase;
let main: Process;
let other: Process;

async function open(): Promise<Process> {
  const dataSource = await new DataSource(
    buildDataSourceOptions(database.config, {
      entities: ORGANIZATION_ENTITIES,
    }),
  ).initialize();
  const invalidation = createCacheInvalidation(dataSource);
  const store = new ApiKeyStore(dataSource, invalidation);
  return {
    dataSource,
    invalidation,
    transactions: new Transactions(dataSource),
    store,
    authenticate: new AuthenticateApiKey(store, invalidation),
  };
}

async function anOrganization(): Promise<string> {
  const id = randomUUID();
  const now = new Date();
  await main.dataSource.getRepository(OrganizationEntity).insert({
    id,
    name: 'Keys Org',
    slug: `keys-${id}`,
    scimEnabled: true,
    deletedTeamRetentionDays: 30,
    defaultRole: 'member',
    createdAt: now,
    updatedAt: now,
  });
  return id;
}

const create = (organizationId: string, name: string, expiresAt: Date | null = null) =>
  new CreateApiKey(main.transactions, main.store).execute({
    organizationId,
    name,
    scope: 'read',
    createdBy: 'admin@example.com',
    expiresAt,
  });

function lookups(spy: jest.SpyInstance): number {
  return spy.mock.calls.filter(([sql]) => String(sql).includes('FROM api_keys WHERE key_hash'))
    .length;
}

interface EventRow {
  actor: string;
  subject_id: string;
  data: unknown;
}

/** The events of `type` the organization has, oldest first, with their data parsed. */
async function eventsOf(organizationId: string, type: string): Promise<EventRow[]> {
  const p = (n: number) => (onPostgres() ? `$${n}` : '?');
  const rows: EventRow[] = await main.dataSource.query(
    `SELECT actor, subject_id, data FROM events WHERE organization_id = ${p(1)} AND type = ${p(2)}
     ORDER BY sequence`,
    [organizationId, type],
  );
  return rows.map((row) => ({
    ...row,
    data: typeof row.data === 'string' ? JSON.parse(row.data) : row.data,
  }));
}

async function coherent(process: Process): Promise<void> {
  for (let i = 0; i < 1000 && !process.invalidation.coherent; i += 1) {
    process.invalidation.sync();
    await new Promise((done) => setTimeout(done, 10));
  }
  expect(process.invalidation.coherent).toBe(true);
}

beforeAll(async () => {
  database = await createFreshDatabase();
  main = await open();
  await runMigrations(main.dataSource);
  other = await open();
});

afterAll(async () => {
  for (const process of [main, other]) {
    await process?.invalidation.close();
    await process?.dataSource.destroy();
  }
  await database?.drop();
});

afterEach(() => jest.restoreAllMocks());

describe('ApiKeyStore', () => {
  it('keeps the hash and prefix, never the key, and lists newest first with dates round-tripped', async () => {
    const organizationId = await anOrganization();
    const expiresAt = new Date('2999-05-06T07:08:09.123Z');
    const first = await create(organizationId, 'First');
    const second = await create(organizationId, 'Second', expiresAt);

    const rows: Record<string, unknown>[] = await main.dataSource.query(
      `SELECT * FROM api_keys WHERE organization_id = ${onPostgres() ? '$1' : '?'}`,
      [organizationId],
    );
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(Object.values(row).map(String)).not.toContain(first.key);
      expect(Object.values(row).map(String)).not.toContain(second.key);
    }
    expect(rows.map((row) => row['key_hash']).sort()).toEqual(
      [hashApiKey(first.key), hashApiKey(second.key)].sort(),
    );

    const listed = await main.store.list(organizationId);
    expect(listed.map((key) => key.name).sort()).toEqual(['First', 'Second']);
    const stored = listed.find((key) => key.id === second.id);
    expect(stored).toEqual({
      id: second.id,
      name: 'Second',
      scope: 'read',
      prefix: second.prefix,
      createdBy: 'admin@example.com',
      createdAt: second.createdAt,
      lastUsedAt: null,
      expiresAt,
      revokedAt: null,
    });
    // Another organization sees none of them.
    expect(await main.store.list(await anOrganization())).toEqual([]);
  });

  it('appends api_key.created with the change, and a rollback leaves neither', async () => {
    const organizationId = await anOrganization();
    const expiresAt = new Date('2999-01-02T03:04:05.678Z');
    const key = await create(organizationId, 'Evented', expiresAt);
    expect(await eventsOf(organizationId, 'api_key.created')).toEqual([
      {
        actor: 'admin:admin@example.com',
        subject_id: key.id,
        data: {
          apiKey: {
            id: key.id,
            name: 'Evented',
            scope: 'read',
            prefix: key.prefix,
            expiresAt: '2999-01-02T03:04:05.678Z',
          },
        },
      },
    ]);

    const id = randomUUID();
    const rolledBack = new Error('rolled back');
    await expect(
      main.transactions.run(async (tx) => {
        await main.store.insert(
          tx,
          {
            id,
            organizationId,
            name: 'Never',
            scope: 'read_write',
            keyHash: hashApiKey(generateApiKeySecret().key),
            prefix: 'rck_never',
            createdBy: 'admin@example.com',
            createdAt: new Date(),
            expiresAt: null,
          },
          'admin:admin@example.com',
        );
        throw rolledBack;
      }),
    ).rejects.toBe(rolledBack);
    expect((await main.store.list(organizationId)).map((k) => k.id)).toEqual([key.id]);
    expect(await eventsOf(organizationId, 'api_key.created')).toHaveLength(1);
  });

  it('refuses a second live key of one name in an organization, not in another, nor after revocation', async () => {
    const organizationId = await anOrganization();
    const first = await create(organizationId, 'Dup');
    await expect(create(organizationId, 'Dup')).rejects.toMatchObject({
      code: 'API_KEY_NAME_TAKEN',
    });
    await expect(create(await anOrganization(), 'Dup')).resolves.toMatchObject({ name: 'Dup' });
    await new RevokeApiKey(main.transactions, main.store).execute(
      organizationId,
      first.id,
      'admin:test@example.com',
    );
    await expect(create(organizationId, 'Dup')).resolves.toMatchObject({ name: 'Dup' });
  });

  it('revokes once, idempotently, and only within the organization', async () => {
    const organizationId = await anOrganization();
    const key = await create(organizationId, 'Revocable');
    const at = new Date();
    const revokeIn = (organization: string) =>
      main.transactions.run((tx) =>
        main.store.revoke(tx, organization, key.id, 'admin:test@example.com', at),
      );
    await expect(revokeIn(randomUUID())).resolves.toBe('not-found');
    await expect(revokeIn(organizationId)).resolves.toBe('revoked');
    await expect(revokeIn(organizationId)).resolves.toBe('already-revoked');
    expect(await main.store.findLiveByHash(hashApiKey(key.key))).toBeNull();
    // One event, for the revocation that happened.
    expect(await eventsOf(organizationId, 'api_key.revoked')).toEqual([
      { actor: 'admin:test@example.com', subject_id: key.id, data: { apiKey: { id: key.id } } },
    ]);
    const revoke = new RevokeApiKey(main.transactions, main.store);
    await expect(
      revoke.execute(await anOrganization(), key.id, 'admin:test@example.com'),
    ).rejects.toBeInstanceOf(ApiKeyError);
  });

  it('writes last_used_at only when it is older than a minute', async () => {
    const organizationId = await anOrganization();
    const key = await create(organizationId, 'Touched');
    const t0 = new Date('2030-01-01T00:00:00.000Z');
    await main.store.touch(key.id, t0, new Date(t0.getTime() - 60_000));
    const t1 = new Date(t0.getTime() + 30_000);
    await main.store.touch(key.id, t1, new Date(t1.getTime() - 60_000));
    expect((await main.store.findLiveByHash(hashApiKey(key.key)))?.lastUsedAt).toEqual(t0);
    const t2 = new Date(t0.getTime() + 61_000);
    await main.store.touch(key.id, t2, new Date(t2.getTime() - 60_000));
    expect((await main.store.findLiveByHash(hashApiKey(key.key)))?.lastUsedAt).toEqual(t2);
  });
});

describe('AuthenticateApiKey', () => {
  it('serves concurrent first requests from one lookup and the next ones from memory', async () => {
    const organizationId = await anOrganization();
    const key = await create(organizationId, 'Cached');
    await main.authenticate.execute(generateApiKeySecret().key);
    await coherent(main);
    const query = jest.spyOn(main.dataSource, 'query');

    const principals = await Promise.all(
      Array.from({ length: 8 }, () => main.authenticate.execute(key.key)),
    );
    for (let i = 0; i < 5; i += 1) principals.push(await main.authenticate.execute(key.key));
    expect(new Set(principals.map((p) => p?.keyId))).toEqual(new Set([key.id]));
    expect(principals[0]).toEqual({
      keyId: key.id,
      organizationId,
      name: 'Cached',
      scope: 'read',
      prefix: key.prefix,
    });
    expect(lookups(query)).toBe(1);
  });

  it('never caches a miss, and refuses anything that is not an rck_ key without a lookup', async () => {
    const query = jest.spyOn(main.dataSource, 'query');
    const unknown = generateApiKeySecret().key;
    expect(await main.authenticate.execute(unknown)).toBeNull();
    expect(await main.authenticate.execute(unknown)).toBeNull();
    expect(lookups(query)).toBe(2);
    expect(await main.authenticate.execute('rcs_a-scim-token')).toBeNull();
    expect(await main.authenticate.execute('')).toBeNull();
    expect(lookups(query)).toBe(2);
  });

  it('refuses a cached key once it expires', async () => {
    const organizationId = await anOrganization();
    const expiresAt = new Date(Date.now() + 3_600_000);
    const key = await create(organizationId, 'Expiring', expiresAt);
    await coherent(main);
    expect(await main.authenticate.execute(key.key)).not.toBeNull();
    jest.spyOn(Date, 'now').mockReturnValue(expiresAt.getTime() + 1);
    expect(await main.authenticate.execute(key.key)).toBeNull();
  });

  it('refuses a key revoked in another process on the next request', async () => {
    const organizationId = await anOrganization();
    const key = await create(organizationId, 'Revoked elsewhere');
    await coherent(main);
    expect(await main.authenticate.execute(key.key)).not.toBeNull();
    expect(await main.authenticate.execute(key.key)).not.toBeNull();

    await new RevokeApiKey(other.transactions, other.store).execute(
      organizationId,
      key.id,
      'admin:test@example.com',
    );
    // SQLite: the next request reads the epoch. PostgreSQL: the notification arrives a
    // moment after the commit (the e2e suite covers the next request over HTTP).
    let principal = await main.authenticate.execute(key.key);
    for (let i = 0; onPostgres() && principal !== null && i < 1000; i += 1) {
      await new Promise((done) => setTimeout(done, 10));
      principal = await main.authenticate.execute(key.key);
    }
    expect(principal).toBeNull();
  });
});
