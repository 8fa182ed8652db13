import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { SCIM_CREDENTIALS_TOPIC } from '@rollcall/organizations';
import {
  Transactions,
  buildDataSourceOptions,
  createCacheInvalidation,
  runMigrations,
  type CacheInvalidation,
} from '@rollcall/db';
import { createFreshDatabase, insertOrganization, type FreshDatabase } from '@rollcall/db/testing';
import type { OAuthClient } from '../domain/oauth-client';
import { generateClientId, hashClientSecret } from '../domain/oauth-client.secret';
import { newClientSecret } from '../use-cases/new-client-secret';
import { OAuthClientSecretEntity } from './oauth-client-secret.entity';
import { OAuthClientEntity } from './oauth-client.entity';
import { OAuthClientStore } from './oauth-client.store';

// The OAuth clients and their secrets through their store, on SQLite and (TEST_DB=postgres)
// PostgreSQL: what is kept (never a secret), what each change appends to the outbox in its
// transaction, and what the token endpoint and the credential status cache read.

const DAY_MS = 24 * 60 * 60 * 1000;
const ACTOR = 'admin:ada@example.com';

let database: FreshDatabase;
let dataSource: DataSource;
let invalidation: CacheInvalidation;
let transactions: Transactions;
let store: OAuthClientStore;
let postgres: boolean;
const p = (n: number) => (postgres ? `$${n}` : '?');

function aClient(organizationId: string, overrides: Partial<OAuthClient> = {}): OAuthClient {
  return {
    id: randomUUID(),
    organizationId,
    clientId: generateClientId(),
    name: 'Entra provisioning',
    accessTokenLifetimeMinutes: 60,
    createdAt: new Date('2026-03-04T05:06:07.891Z'),
    lastUsedAt: null,
    revokedAt: null,
    ...overrides,
  };
}

const aSecret = (client: OAuthClient, expiresAt = new Date(Date.now() + 30 * DAY_MS)) =>
  newClientSecret(client.id, expiresAt, new Date());

/** A client with one secret, stored; the secret itself as shown once. */
async function created(organizationId: string, overrides: Partial<OAuthClient> = {}) {
  const client = aClient(organizationId, overrides);
  const { row: secret, clientSecret } = aSecret(client);
  await transactions.run((tx) => store.create(tx, client, secret, ACTOR));
  return { client, secret, clientSecret };
}

async function eventsOf(organizationId: string): Promise<Record<string, unknown>[]> {
  const rows = (await dataSource.query(
    `SELECT type, actor, subject_type, subject_id, data FROM events
     WHERE organization_id = ${p(1)} ORDER BY sequence`,
    [organizationId],
  )) as { data: unknown }[];
  return rows.map((row) => ({
    ...row,
    data: typeof row.data === 'string' ? (JSON.parse(row.data) as unknown) : row.data,
  }));
}

beforeAll(async () => {
  database = await createFreshDatabase();
  dataSource = await new DataSource(
    buildDataSourceOptions(database.config, {
      entities: [OAuthClientEntity, OAuthClientSecretEntity],
    }),
  ).initialize();
  await runMigrations(dataSource);
  postgres = dataSource.options.type === 'postgres';
  invalidation = createCacheInvalidation(dataSource);
  transactions = new Transactions(dataSource);
  store = new OAuthClientStore(dataSource, invalidation);
});

afterAll(async () => {
  await invalidation?.close();
  await dataSource?.destroy();
  await database?.drop();
});

describe('OAuthClientStore', () => {
  it('keeps a client with its first secret (the hash, never the secret) and its event', async () => {
    const org = await insertOrganization(dataSource);
    const { client, secret, clientSecret } = await created(org);

    const stored = (await dataSource.query(
      `SELECT * FROM scim_oauth_client_secrets WHERE oauth_client_id = ${p(1)}`,
      [client.id],
    )) as Record<string, unknown>[];
    expect(stored).toHaveLength(1);
    expect(Object.values(stored[0] ?? {}).map(String)).not.toContain(clientSecret);
    expect(stored[0]?.['secret_hash']).toBe(hashClientSecret(clientSecret));

    await transactions.run(async (tx) => {
      expect(await store.findInOrganization(tx, org, client.id)).toEqual(client);
      expect(await store.secretsOf([client.id], tx)).toEqual([
        {
          id: secret.id,
          oauthClientId: client.id,
          prefix: secret.prefix,
          createdAt: secret.createdAt,
          expiresAt: secret.expiresAt,
          lastUsedAt: null,
          revokedAt: null,
        },
      ]);
    });
    expect(await eventsOf(org)).toEqual([
      {
        type: 'credential.created',
        actor: ACTOR,
        subject_type: 'credential',
        subject_id: client.id,
        data: {
          credential: {
            kind: 'oauth_client',
            id: client.id,
            name: client.name,
            clientId: client.clientId,
          },
        },
      },
    ]);
  });

  it('finds, lists and reads secrets of one organization only, newest first', async () => {
    const org = await insertOrganization(dataSource);
    const other = await insertOrganization(dataSource);
    const older = await created(org, { createdAt: new Date('2026-01-01T00:00:00.000Z') });
    const newer = await created(org, { createdAt: new Date('2026-02-01T00:00:00.000Z') });
    const elsewhere = await created(other);

    expect((await store.listInOrganization(org)).map((c) => c.id)).toEqual([
      newer.client.id,
      older.client.id,
    ]);
    expect(await store.listInOrganization(await insertOrganization(dataSource))).toEqual([]);
    const secrets = await store.secretsOf([older.client.id, newer.client.id]);
    expect(secrets.map((s) => s.id).sort()).toEqual([older.secret.id, newer.secret.id].sort());
    expect(await store.secretsOf([])).toEqual([]);
    await transactions.run(async (tx) => {
      expect(await store.findInOrganization(tx, org, elsewhere.client.id)).toBeNull();
      expect(await store.findSecret(tx, older.client.id, newer.secret.id)).toBeNull();
      expect(await store.findSecret(tx, older.client.id, older.secret.id)).toMatchObject({
        id: older.secret.id,
        prefix: older.secret.prefix,
      });
    });
  });

  it('leaves nothing behind, rows or events, when the transaction rolls back', async () => {
    const org = await insertOrganization(dataSource);
    const client = aClient(org);
    await expect(
      transactions.run(async (tx) => {
        await store.create(tx, client, aSecret(client).row, ACTOR);
        throw new Error('after the write');
      }),
    ).rejects.toThrow('after the write');
    expect(await store.listInOrganization(org)).toEqual([]);
    expect(await store.secretsOf([client.id])).toEqual([]);
    expect(await eventsOf(org)).toEqual([]);
  });

  it('adds secrets, counts the live ones, updates and revokes, each with its event', async () => {
    const org = await insertOrganization(dataSource);
    const { client, secret } = await created(org);
    const expired = aSecret(client, new Date(Date.now() - 1000)).row;
    const added = aSecret(client).row;
    await transactions.run(async (tx) => {
      await store.addSecret(tx, client, expired, ACTOR);
      await store.addSecret(tx, client, added, ACTOR);
      expect(await store.countLiveSecrets(tx, client.id, new Date())).toBe(2);
    });

    const renamed = { ...client, name: 'Renamed', accessTokenLifetimeMinutes: 15 };
    await transactions.run((tx) => store.update(tx, renamed, ACTOR));
    const heard = jest.fn();
    const unsubscribe = invalidation.subscribe(SCIM_CREDENTIALS_TOPIC, heard);
    const at = new Date('2026-06-07T08:09:10.111Z');
    await transactions.run(async (tx) => {
      await store.revokeSecret(tx, client, secret, at, ACTOR);
      expect(await store.countLiveSecrets(tx, client.id, new Date())).toBe(1);
      await store.revoke(tx, renamed, at, ACTOR);
    });
    invalidation.sync();
    unsubscribe();
    expect(heard).toHaveBeenCalled();

    await transactions.run(async (tx) => {
      expect(await store.findInOrganization(tx, org, client.id)).toEqual({
        ...renamed,
        revokedAt: at,
      });
      expect((await store.findSecret(tx, client.id, secret.id))?.revokedAt).toEqual(at);
    });
    const credential = (kind: string, id: string, more: Record<string, string>) => ({
      credential: { kind, id, ...more },
    });
    const events = await eventsOf(org);
    expect(events.map((e) => [e.type, e.actor, e.subject_id, e.data])).toEqual([
      [
        'credential.created',
        ACTOR,
        client.id,
        credential('oauth_client', client.id, { name: client.name, clientId: client.clientId }),
      ],
      [
        'credential.created',
        ACTOR,
        expired.id,
        credential('oauth_client_secret', expired.id, { clientId: client.clientId }),
      ],
      [
        'credential.created',
        ACTOR,
        added.id,
        credential('oauth_client_secret', added.id, { clientId: client.clientId }),
      ],
      [
        'credential.updated',
        ACTOR,
        client.id,
        credential('oauth_client', client.id, { name: 'Renamed', clientId: client.clientId }),
      ],
      [
        'credential.revoked',
        ACTOR,
        secret.id,
        credential('oauth_client_secret', secret.id, { clientId: client.clientId }),
      ],
      [
        'credential.revoked',
        ACTOR,
        client.id,
        credential('oauth_client', client.id, { name: 'Renamed', clientId: client.clientId }),
      ],
    ]);
  });

  it('finds a grant only for a live client holding a live secret of that hash', async () => {
    const org = await insertOrganization(dataSource);
    const { client, secret, clientSecret } = await created(org);
    const hash = hashClientSecret(clientSecret);
    const now = new Date();

    expect(await store.findGrant(client.clientId, hash, now)).toEqual({
      client,
      secret: {
        id: secret.id,
        oauthClientId: client.id,
        prefix: secret.prefix,
        createdAt: secret.createdAt,
        expiresAt: secret.expiresAt,
        lastUsedAt: null,
        revokedAt: null,
      },
    });
    const another = await created(org);
    expect(await store.findGrant(another.client.clientId, hash, now)).toBeNull();
    expect(await store.findGrant(client.clientId, hashClientSecret('rccs_other'), now)).toBeNull();
    // Expired at the time asked about.
    expect(await store.findGrant(client.clientId, hash, secret.expiresAt)).toBeNull();

    expect(await store.isLive(org, client.id)).toBe(true);
    expect(await store.isLive(await insertOrganization(dataSource), client.id)).toBe(false);
    expect(await store.liveSecretExpiry(org, client.id, secret.id, now)).toEqual(secret.expiresAt);
    expect(await store.liveSecretExpiry(org, client.id, another.secret.id, now)).toBeNull();
    expect(await store.liveSecretExpiry(org, client.id, secret.id, secret.expiresAt)).toBeNull();

    await transactions.run((tx) => store.revokeSecret(tx, client, secret, new Date(), ACTOR));
    expect(await store.findGrant(client.clientId, hash, now)).toBeNull();
    expect(await store.liveSecretExpiry(org, client.id, secret.id, now)).toBeNull();
    expect(await store.isLive(org, client.id)).toBe(true);

    const live = aSecret(client);
    await transactions.run((tx) => store.addSecret(tx, client, live.row, ACTOR));
    const liveHash = hashClientSecret(live.clientSecret);
    expect(await store.findGrant(client.clientId, liveHash, now)).not.toBeNull();
    await transactions.run((tx) => store.revoke(tx, client, new Date(), ACTOR));
    expect(await store.findGrant(client.clientId, liveHash, now)).toBeNull();
    expect(await store.isLive(org, client.id)).toBe(false);
    expect(await store.liveSecretExpiry(org, client.id, live.row.id, now)).toBeNull();
  });

  it('writes last_used_at of a client and of a secret at most once a minute', async () => {
    const org = await insertOrganization(dataSource);
    const { client, secret, clientSecret } = await created(org);
    const grant = async () =>
      store.findGrant(client.clientId, hashClientSecret(clientSecret), new Date());

    const before = Date.now();
    await store.touch(client);
    await store.touchSecret(secret);
    const first = await grant();
    expect(first?.client.lastUsedAt?.getTime()).toBeGreaterThanOrEqual(before - 1);
    expect(first?.secret.lastUsedAt?.getTime()).toBeGreaterThanOrEqual(before - 1);

    // A caller that read the row before the first write does not write it again.
    const query = jest.spyOn(dataSource.manager, 'query');
    await store.touch(client);
    await store.touchSecret(secret);
    expect(query).toHaveBeenCalledTimes(2);
    query.mockRestore();
    expect(await grant()).toEqual(first);
    // One that read it after the write does not even ask.
    const spy = jest.spyOn(dataSource.manager, 'query');
    if (first) {
      await store.touch(first.client);
      await store.touchSecret(first.secret);
    }
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });
});
