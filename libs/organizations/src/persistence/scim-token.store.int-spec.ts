import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  Transactions,
  buildDataSourceOptions,
  createCacheInvalidation,
  runMigrations,
  type CacheInvalidation,
  type Tx,
} from '@rollcall/db';
import { createFreshDatabase, insertOrganization, type FreshDatabase } from '@rollcall/db/testing';
import { SCIM_CREDENTIALS_TOPIC } from '../domain/scim-credentials.topic';
import { generateScimTokenSecret } from '../domain/scim-token.secret';
import { ScimTokenStore, type NewScimToken } from './scim-token.store';

// The scim_tokens table through its store, on SQLite and (TEST_DB=postgres) PostgreSQL: what
// is kept (never the token), what authenticates, and the credential events each change
// appends in its own transaction.

let database: FreshDatabase;
let dataSource: DataSource;
let invalidation: CacheInvalidation;
let store: ScimTokenStore;
let transactions: Transactions;
let postgres: boolean;
const p = (n: number) => (postgres ? `$${n}` : '?');

interface EventRow {
  type: string;
  actor: string;
  subject_id: string;
  data: unknown;
}

async function eventsOf(organizationId: string): Promise<EventRow[]> {
  const rows: EventRow[] = await dataSource.query(
    `SELECT type, actor, subject_id, data FROM events WHERE organization_id = ${p(1)}
     ORDER BY sequence`,
    [organizationId],
  );
  return rows.map((row) => ({
    ...row,
    data: typeof row.data === 'string' ? JSON.parse(row.data) : row.data,
  }));
}

async function setScimEnabled(organizationId: string, enabled: boolean): Promise<void> {
  await dataSource.query(`UPDATE organizations SET scim_enabled = ${p(1)} WHERE id = ${p(2)}`, [
    postgres ? enabled : Number(enabled),
    organizationId,
  ]);
}

/** A new token of the organization, issued in its own transaction; its secret too. */
async function issue(
  organizationId: string,
  overrides: Partial<NewScimToken> = {},
): Promise<NewScimToken & { token: string }> {
  const secret = generateScimTokenSecret();
  const token: NewScimToken = {
    id: randomUUID(),
    organizationId,
    tokenHash: secret.hash,
    prefix: secret.prefix,
    label: 'Entra',
    createdAt: new Date(),
    ...overrides,
  };
  await transactions.run((tx) => store.issue(tx, token, 'admin:ada@example.com'));
  return { ...token, token: secret.token };
}

const inTx = <T>(work: (tx: Tx) => Promise<T>): Promise<T> => transactions.run(work);

beforeAll(async () => {
  database = await createFreshDatabase();
  dataSource = await new DataSource(buildDataSourceOptions(database.config)).initialize();
  await runMigrations(dataSource);
  postgres = dataSource.options.type === 'postgres';
  invalidation = createCacheInvalidation(dataSource);
  store = new ScimTokenStore(dataSource, invalidation);
  transactions = new Transactions(dataSource);
});

afterAll(async () => {
  await invalidation?.close();
  await dataSource?.destroy();
  await database?.drop();
});

describe('ScimTokenStore', () => {
  it('keeps the hash, never the token, lists newest first, and appends credential.created', async () => {
    const organizationId = await insertOrganization(dataSource);
    const older = await issue(organizationId, {
      createdAt: new Date('2026-01-01T00:00:00.123Z'),
      label: null,
    });
    const newer = await issue(organizationId, { createdAt: new Date('2026-01-02T00:00:00.456Z') });

    const rows: Record<string, unknown>[] = await dataSource.query(
      `SELECT * FROM scim_tokens WHERE organization_id = ${p(1)}`,
      [organizationId],
    );
    for (const row of rows) {
      expect(Object.values(row).map(String)).not.toContain(older.token);
      expect(Object.values(row).map(String)).not.toContain(newer.token);
    }
    expect(await store.list(organizationId)).toEqual([
      {
        id: newer.id,
        prefix: newer.prefix,
        label: 'Entra',
        createdAt: newer.createdAt,
        lastUsedAt: null,
        revokedAt: null,
      },
      {
        id: older.id,
        prefix: older.prefix,
        label: null,
        createdAt: older.createdAt,
        lastUsedAt: null,
        revokedAt: null,
      },
    ]);
    expect(await inTx((tx) => store.countLive(tx, organizationId))).toBe(2);
    expect(await store.list(await insertOrganization(dataSource))).toEqual([]);
    expect(await eventsOf(organizationId)).toEqual(
      [older, newer].map((token) => ({
        type: 'credential.created',
        actor: 'admin:ada@example.com',
        subject_id: token.id,
        data: {
          credential: {
            kind: 'scim_token',
            id: token.id,
            prefix: token.prefix,
            label: token.label,
          },
        },
      })),
    );
  });

  it('finds a live token by id or prefix, within an organization when given, two at most', async () => {
    const organizationId = await insertOrganization(dataSource);
    const token = await issue(organizationId);
    const expected = {
      id: token.id,
      organizationId,
      prefix: token.prefix,
      label: 'Entra',
    };
    expect(await inTx((tx) => store.findLive(tx, token.id))).toEqual([expected]);
    expect(await inTx((tx) => store.findLive(tx, token.prefix, organizationId))).toEqual([
      expected,
    ]);
    expect(await inTx((tx) => store.findLive(tx, token.id, randomUUID()))).toEqual([]);

    const prefix = `rcs_${randomUUID().slice(0, 8)}`;
    for (let i = 0; i < 3; i += 1) await issue(organizationId, { prefix });
    expect(await inTx((tx) => store.findLive(tx, prefix))).toHaveLength(2);
  });

  it('revokes with credential.revoked in the same transaction, and a rollback leaves it live', async () => {
    const organizationId = await insertOrganization(dataSource);
    const token = await issue(organizationId);
    const [live] = await inTx((tx) => store.findLive(tx, token.id));
    if (!live) throw new Error('expected a live token');

    const rolledBack = new Error('rolled back');
    await expect(
      inTx(async (tx) => {
        await store.revoke(tx, live, 'admin:grace@example.com', new Date());
        throw rolledBack;
      }),
    ).rejects.toBe(rolledBack);
    expect(await inTx((tx) => store.findLive(tx, token.id))).toHaveLength(1);
    expect((await eventsOf(organizationId)).map((event) => event.type)).toEqual([
      'credential.created',
    ]);

    const at = new Date('2026-03-04T05:06:07.890Z');
    const heard = jest.fn();
    const unsubscribe = invalidation.subscribe(SCIM_CREDENTIALS_TOPIC, heard);
    await inTx((tx) => store.revoke(tx, live, 'admin:grace@example.com', at));
    unsubscribe();
    // Credential caches of this process hear of it at the commit (others by the signal).
    expect(heard).toHaveBeenCalled();
    expect(await inTx((tx) => store.findLive(tx, token.id))).toEqual([]);
    expect((await store.list(organizationId))[0]?.revokedAt).toEqual(at);
    expect(await inTx((tx) => store.countLive(tx, organizationId))).toBe(0);
    expect((await eventsOf(organizationId))[1]).toEqual({
      type: 'credential.revoked',
      actor: 'admin:grace@example.com',
      subject_id: token.id,
      data: {
        credential: { kind: 'scim_token', id: token.id, prefix: token.prefix, label: 'Entra' },
      },
    });
  });

  it('authenticates a live token of an organization with provisioning on, and nothing else', async () => {
    const organizationId = await insertOrganization(dataSource);
    await setScimEnabled(organizationId, true);
    const token = await issue(organizationId);

    expect(await store.findLiveByHash(token.tokenHash)).toEqual({
      principal: { organizationId, tokenId: token.id, tokenPrefix: token.prefix },
      lastUsedAt: null,
    });
    expect(await store.findLiveByHash(generateScimTokenSecret().hash)).toBeNull();

    await setScimEnabled(organizationId, false);
    expect(await store.findLiveByHash(token.tokenHash)).toBeNull();
    await setScimEnabled(organizationId, true);

    const [live] = await inTx((tx) => store.findLive(tx, token.id));
    if (!live) throw new Error('expected a live token');
    await inTx((tx) => store.revoke(tx, live, 'admin:grace@example.com', new Date()));
    expect(await store.findLiveByHash(token.tokenHash)).toBeNull();
  });

  it('writes last_used_at only when it is older than a minute', async () => {
    const organizationId = await insertOrganization(dataSource);
    await setScimEnabled(organizationId, true);
    const token = await issue(organizationId);
    const t0 = new Date('2030-01-01T00:00:00.000Z');
    await store.touch(token.id, t0, new Date(t0.getTime() - 60_000));
    const t1 = new Date(t0.getTime() + 30_000);
    await store.touch(token.id, t1, new Date(t1.getTime() - 60_000));
    expect((await store.findLiveByHash(token.tokenHash))?.lastUsedAt).toEqual(t0);
    const t2 = new Date(t0.getTime() + 61_000);
    await store.touch(token.id, t2, new Date(t2.getTime() - 60_000));
    expect((await store.findLiveByHash(token.tokenHash))?.lastUsedAt).toEqual(t2);
    expect((await inTx((tx) => store.listLive(tx, organizationId)))[0]?.lastUsedAt).toEqual(t2);
  });

  it('revokes unused tokens together, with no event', async () => {
    const organizationId = await insertOrganization(dataSource);
    const first = await issue(organizationId);
    const second = await issue(organizationId);
    const kept = await issue(await insertOrganization(dataSource));
    const at = new Date('2026-05-06T07:08:09.012Z');

    await inTx((tx) => store.revokeUnused(tx, [first.id, second.id], at));
    await inTx((tx) => store.revokeUnused(tx, [], at));

    expect(await inTx((tx) => store.listLive(tx, organizationId))).toEqual([]);
    expect((await store.list(organizationId)).map((token) => token.revokedAt)).toEqual([at, at]);
    expect(await inTx((tx) => store.countLive(tx, kept.organizationId))).toBe(1);
    expect((await eventsOf(organizationId)).map((event) => event.type)).toEqual([
      'credential.created',
      'credential.created',
    ]);
  });
});
