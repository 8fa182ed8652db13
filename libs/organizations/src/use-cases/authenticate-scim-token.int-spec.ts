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
import { generateScimTokenSecret } from '../domain/scim-token.secret';
import { ORGANIZATION_ENTITIES } from '../persistence/organization.entities';
import { OrganizationLookup } from '../persistence/organization.lookup';
import { OrganizationStore } from '../persistence/organization.store';
import { OrganizationEntity } from '../persistence/organization.entity';
import { ScimTokenEntity } from '../persistence/scim-token.entity';
import { ScimTokenStore } from '../persistence/scim-token.store';
import { AuthenticateScimToken } from './authenticate-scim-token.use-case';
import { OrganizationSettingsHooks } from './organization-settings.hooks';
import { RevokeScimToken } from './revoke-scim-token.use-case';
import { UpdateOrganizationSettings } from './update-organization-settings.use-case';

// The SCIM token cache on a real database: what it saves (lookups, last-used writes) and
// what it must never save (a miss, a revoked token, an org with provisioning off).

interface Process {
  dataSource: DataSource;
  invalidation: CacheInvalidation;
  transactions: Transactions;
  tokens: ScimTokenStore;
  authenticate: AuthenticateScimToken;
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
  const tokens = new ScimTokenStore(dataSource, invalidation);
  return {
    dataSource,
    invalidation,
    transactions: new Transactions(dataSource),
    tokens,
    authenticate: new AuthenticateScimToken(tokens, invalidation),
  };
}

async function anOrganizationWithToken(): Promise<{ organizationId: string; token: string }> {
  const organizationId = randomUUID();
  const now = new Date();
  await main.dataSource.getRepository(OrganizationEntity).insert({
    id: organizationId,
    name: 'Cache Org',
    slug: `cache-${organizationId}`,
    scimEnabled: true,
    deletedTeamRetentionDays: 30,
    defaultRole: 'member',
    createdAt: now,
    updatedAt: now,
  });
  const secret = generateScimTokenSecret();
  await main.dataSource.getRepository(ScimTokenEntity).insert({
    id: randomUUID(),
    organizationId,
    tokenHash: secret.hash,
    prefix: secret.prefix,
    label: null,
    createdAt: now,
    lastUsedAt: null,
    revokedAt: null,
  });
  return { organizationId, token: secret.token };
}

/** The token lookups `dataSource` ran since the spy was made. */
function lookups(spy: jest.SpyInstance): number {
  return spy.mock.calls.filter(([sql]) => String(sql).includes('FROM scim_tokens')).length;
}

/** The last-used writes `dataSource` ran since the spy was made. */
function touches(spy: jest.SpyInstance): number {
  return spy.mock.calls.filter(([sql]) =>
    String(sql).startsWith('UPDATE scim_tokens SET last_used_at'),
  ).length;
}

/** Waits until the listener (PostgreSQL) is up: before that, nothing is cached. */
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

describe('AuthenticateScimToken', () => {
  it('serves concurrent first requests of one token from one lookup, and the next ones from memory', async () => {
    const { organizationId, token } = await anOrganizationWithToken();
    await main.authenticate.execute('rcs_warm-up-starts-the-listener');
    await coherent(main);
    const query = jest.spyOn(main.dataSource, 'query');

    const principals = await Promise.all(
      Array.from({ length: 8 }, () => main.authenticate.execute(token)),
    );
    for (let i = 0; i < 5; i += 1) principals.push(await main.authenticate.execute(token));

    expect(new Set(principals.map((p) => p?.organizationId))).toEqual(new Set([organizationId]));
    expect(lookups(query)).toBe(1);
    // last_used_at: written once (it was never set), not once per request.
    expect(touches(query)).toBe(1);
    const row = await main.dataSource
      .getRepository(ScimTokenEntity)
      .findOneByOrFail({ organizationId });
    expect(row.lastUsedAt).not.toBeNull();
  });

  it('never caches an unknown token', async () => {
    const query = jest.spyOn(main.dataSource, 'query');
    const unknown = generateScimTokenSecret().token;
    expect(await main.authenticate.execute(unknown)).toBeNull();
    expect(await main.authenticate.execute(unknown)).toBeNull();
    expect(lookups(query)).toBe(2);
  });

  it('refuses a token revoked in another process on the next request', async () => {
    const { organizationId, token } = await anOrganizationWithToken();
    await coherent(main);
    expect(await main.authenticate.execute(token)).not.toBeNull();
    expect(await main.authenticate.execute(token)).not.toBeNull();

    await new RevokeScimToken(other.transactions, other.tokens).execute({
      token: token.slice(0, 12),
      organizationId,
      actor: 'admin:test@example.com',
    });
    // SQLite: the next request reads the epoch. PostgreSQL: the notification arrives on its
    // own, a moment after the commit (the e2e suite covers the next request over HTTP).
    let principal = await main.authenticate.execute(token);
    for (let i = 0; onPostgres() && principal !== null && i < 1000; i += 1) {
      await new Promise((done) => setTimeout(done, 10));
      principal = await main.authenticate.execute(token);
    }
    expect(principal).toBeNull();
  });

  it('refuses every token of an org at once when provisioning is turned off in this process', async () => {
    const { organizationId, token } = await anOrganizationWithToken();
    await coherent(main);
    expect(await main.authenticate.execute(token)).not.toBeNull();

    const settings = new UpdateOrganizationSettings(
      main.transactions,
      new OrganizationLookup(main.dataSource),
      new OrganizationStore(main.dataSource, main.invalidation),
      new OrganizationSettingsHooks(),
    );
    await settings.execute(organizationId, { scimEnabled: false }, 'admin:test@example.com');
    expect(await main.authenticate.execute(token)).toBeNull();
    await settings.execute(organizationId, { scimEnabled: true }, 'admin:test@example.com');
    expect(await main.authenticate.execute(token)).not.toBeNull();
  });
});
