import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { OrganizationLookup, SCIM_CREDENTIALS_TOPIC } from '@rollcall/organizations';
import {
  Transactions,
  buildDataSourceOptions,
  createCacheInvalidation,
  managerOf,
  runMigrations,
  type CacheInvalidation,
} from '@rollcall/db';
import { createFreshDatabase, insertOrganization, type FreshDatabase } from '@rollcall/db/testing';
import { generateClientId } from '../domain/oauth-client.secret';
import { OAuthTokenError } from '../domain/oauth-token.error';
import { FederatedCredentialEntity } from '../persistence/federated-credential.entity';
import { FederatedCredentialStore } from '../persistence/federated-credential.store';
import { OAuthClientSecretEntity } from '../persistence/oauth-client-secret.entity';
import { OAuthClientEntity } from '../persistence/oauth-client.entity';
import { OAuthClientStore } from '../persistence/oauth-client.store';
import { newClientSecret } from '../use-cases/new-client-secret';
import { ClientSecretAuthenticator } from './client-secret.authenticator';
import { CredentialStatusCache } from './credential-status.cache';
import { ProvisioningStatusCache } from './provisioning-status.cache';

// Whether an organization has provisioning on, read through OrganizationLookup and kept like
// the credential states, on SQLite and (TEST_DB=postgres) PostgreSQL: the token endpoint and
// the credential status cache read no more statements than when they joined `organizations`.

let database: FreshDatabase;
let dataSource: DataSource;
let invalidation: CacheInvalidation;
let transactions: Transactions;
let clients: OAuthClientStore;
let provisioning: ProvisioningStatusCache;
let postgres: boolean;
const p = (n: number) => (postgres ? `$${n}` : '?');

/** Every statement TypeORM sends while `work` runs. */
async function statementsDuring(work: () => Promise<unknown>): Promise<string[]> {
  const logger = dataSource.logger;
  const original = logger.logQuery;
  const statements: string[] = [];
  logger.logQuery = (query, parameters, queryRunner) => {
    statements.push(query);
    return original.call(logger, query, parameters, queryRunner);
  };
  try {
    await work();
  } finally {
    logger.logQuery = original;
  }
  return statements;
}

const organizationReads = (statements: string[]) =>
  statements.filter((sql) => /FROM organizations/i.test(sql));

/**
 * Turns provisioning on or off and announces it, as UpdateOrganizationSettings does; returns
 * once this process heard it both ways (at the commit, and as every other process hears it),
 * so no late announcement clears a cache in the middle of a later count.
 */
async function switchProvisioning(organizationId: string, enabled: boolean): Promise<void> {
  let heard = 0;
  const unsubscribe = invalidation.subscribe(SCIM_CREDENTIALS_TOPIC, () => (heard += 1));
  try {
    await transactions.run(async (tx) => {
      await managerOf(tx).query(
        `UPDATE organizations SET scim_enabled = ${p(1)} WHERE id = ${p(2)}`,
        [postgres ? enabled : Number(enabled), organizationId],
      );
      await invalidation.announce(managerOf(tx), SCIM_CREDENTIALS_TOPIC);
    });
    for (let i = 0; i < 1000 && heard < 2; i += 1) {
      invalidation.sync();
      if (heard < 2) await new Promise((done) => setTimeout(done, 10));
    }
    expect(heard).toBeGreaterThanOrEqual(2);
  } finally {
    unsubscribe();
  }
}

async function anOrganization(enabled: boolean): Promise<string> {
  const id = await insertOrganization(dataSource);
  if (enabled) await switchProvisioning(id, true);
  return id;
}

async function aClient(organizationId: string) {
  const client = {
    id: randomUUID(),
    organizationId,
    clientId: generateClientId(),
    name: 'Entra provisioning',
    accessTokenLifetimeMinutes: 60,
    createdAt: new Date(),
    lastUsedAt: null,
    revokedAt: null,
  };
  const { row, clientSecret } = newClientSecret(
    client.id,
    new Date(Date.now() + 3_600_000),
    new Date(),
  );
  await transactions.run((tx) => clients.create(tx, client, row, 'admin:ada@example.com'));
  return { client, secret: row, clientSecret };
}

beforeAll(async () => {
  database = await createFreshDatabase();
  dataSource = await new DataSource(
    buildDataSourceOptions(database.config, {
      entities: [OAuthClientEntity, OAuthClientSecretEntity, FederatedCredentialEntity],
    }),
  ).initialize();
  await runMigrations(dataSource);
  postgres = dataSource.options.type === 'postgres';
  invalidation = createCacheInvalidation(dataSource);
  transactions = new Transactions(dataSource);
  clients = new OAuthClientStore(dataSource, invalidation);
  provisioning = new ProvisioningStatusCache(new OrganizationLookup(dataSource), invalidation);
  // PostgreSQL: caches trust memory only once the process listens for announcements.
  for (let i = 0; i < 1000 && !invalidation.coherent; i += 1) {
    invalidation.sync();
    await new Promise((done) => setTimeout(done, 10));
  }
  expect(invalidation.coherent).toBe(true);
});

afterAll(async () => {
  await invalidation?.close();
  await dataSource?.destroy();
  await database?.drop();
});

describe('ProvisioningStatusCache', () => {
  it('reads the organizations it does not know in one statement, then answers from memory', async () => {
    const on = await anOrganization(true);
    const off = await anOrganization(false);
    const gone = randomUUID();

    const first = await statementsDuring(async () => {
      expect(await provisioning.enabledAmong([on, off, gone, on])).toEqual(new Set([on]));
    });
    expect(organizationReads(first)).toHaveLength(1);
    const again = await statementsDuring(async () => {
      expect(await provisioning.isEnabled(on)).toBe(true);
      expect(await provisioning.isEnabled(off)).toBe(false);
      expect(await provisioning.isEnabled(gone)).toBe(false);
    });
    expect(organizationReads(again)).toEqual([]);
  });

  it('forgets every answer when provisioning is turned on or off anywhere', async () => {
    const org = await anOrganization(true);
    const bystander = await anOrganization(true);
    expect(await provisioning.enabledAmong([org, bystander])).toEqual(new Set([org, bystander]));

    await switchProvisioning(org, false);
    expect(await provisioning.isEnabled(org)).toBe(false);
    expect(await provisioning.isEnabled(bystander)).toBe(true);
    await switchProvisioning(org, true);
    expect(await provisioning.isEnabled(org)).toBe(true);
  });

  it('does not trust memory after the time to live', async () => {
    const org = await anOrganization(true);
    expect(await provisioning.isEnabled(org)).toBe(true);
    const now = Date.now();
    const clock = jest.spyOn(Date, 'now').mockReturnValue(now + 31_000);
    try {
      const reads = await statementsDuring(() => provisioning.isEnabled(org));
      expect(organizationReads(reads)).toHaveLength(1);
    } finally {
      clock.mockRestore();
    }
  });
});

describe('the token endpoint and the credential status cache through it', () => {
  it('authenticate a client secret with one read of their own tables once the organization is known', async () => {
    const org = await anOrganization(true);
    const { client, secret, clientSecret } = await aClient(org);
    const authenticator = new ClientSecretAuthenticator(clients, provisioning);

    const first = await statementsDuring(() =>
      authenticator.authenticate(client.clientId, clientSecret, true),
    );
    // The grant look-up, one organization read, and the two last-used writes.
    expect(first.filter((sql) => /^\s*SELECT/i.test(sql))).toHaveLength(2);
    expect(organizationReads(first)).toHaveLength(1);
    const next = await statementsDuring(async () => {
      expect(await authenticator.authenticate(client.clientId, clientSecret, true)).toEqual({
        organizationId: org,
        credentialType: 'client',
        credentialId: client.id,
        subject: client.clientId,
        secretId: secret.id,
        lifetimeMinutes: 60,
      });
    });
    expect(next).toHaveLength(1);
    expect(next[0]).toMatch(/FROM scim_oauth_clients/);

    await switchProvisioning(org, false);
    await expect(
      authenticator.authenticate(client.clientId, clientSecret, true),
    ).rejects.toBeInstanceOf(OAuthTokenError);
  });

  it('reads a credential state with one statement on a miss and none on a hit', async () => {
    const org = await anOrganization(true);
    const { client, secret } = await aClient(org);
    const federated = new FederatedCredentialStore(dataSource, invalidation);
    const cache = new CredentialStatusCache(clients, federated, provisioning, invalidation);
    const ref = {
      organizationId: org,
      credentialType: 'client' as const,
      credentialId: client.id,
      secretId: secret.id,
    };
    expect(await cache.isLive(ref)).toBe(true);

    cache.invalidate();
    const miss = await statementsDuring(async () => expect(await cache.isLive(ref)).toBe(true));
    expect(miss).toHaveLength(1);
    const hit = await statementsDuring(async () => expect(await cache.isLive(ref)).toBe(true));
    expect(hit).toEqual([]);

    await switchProvisioning(org, false);
    expect(await cache.isLive(ref)).toBe(false);
    expect(await cache.isLive({ ...ref, secretId: undefined })).toBe(false);
    await switchProvisioning(org, true);
    expect(await cache.isLive({ ...ref, secretId: undefined })).toBe(true);
    expect(await cache.isLive({ ...ref, credentialType: 'federated', secretId: undefined })).toBe(
      false,
    );
  });
});
