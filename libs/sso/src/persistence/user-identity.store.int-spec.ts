import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  buildDataSourceOptions,
  isUniqueViolation,
  runMigrations,
  Transactions,
} from '@rollcall/db';
import { createFreshDatabase, insertOrganization, type FreshDatabase } from '@rollcall/db/testing';
import { UserIdentityEntity } from './user-identity.entity';
import { UserIdentityStore } from './user-identity.store';
import { insertUser } from './testing/sso-tables.fixture';

// The user_identities table through its store, on SQLite and (TEST_DB=postgres) PostgreSQL:
// a link is found by its exact account in its organization only, one account links one user
// per organization, and the batched check names exactly the users linked to a provider.

const ISSUER = 'https://idp.example.com';

let database: FreshDatabase;
let dataSource: DataSource;
let transactions: Transactions;
let store: UserIdentityStore;

function anAccount(overrides: { provider?: 'microsoft' | 'oidc'; issuer?: string } = {}) {
  return {
    provider: overrides.provider ?? ('oidc' as const),
    issuer: overrides.issuer ?? ISSUER,
    subject: `sub-${randomUUID()}`,
  };
}

const link = (organizationId: string, userId: string, identity: ReturnType<typeof anAccount>) =>
  transactions.run((tx) => store.link(tx, { userId, organizationId, identity, at: new Date() }));

beforeAll(async () => {
  database = await createFreshDatabase();
  dataSource = await new DataSource(
    buildDataSourceOptions(database.config, { entities: [UserIdentityEntity] }),
  ).initialize();
  await runMigrations(dataSource);
  transactions = new Transactions(dataSource);
  store = new UserIdentityStore(dataSource);
});

afterAll(async () => {
  await dataSource?.destroy();
  await database?.drop();
});

describe('UserIdentityStore', () => {
  it('finds the linked user by the exact provider, issuer and subject in its organization', async () => {
    const org = await insertOrganization(dataSource);
    const user = await insertUser(dataSource, org);
    const account = anAccount();
    await link(org, user, account);

    expect(await store.linkedUserId(org, account)).toBe(user);
    expect(await store.linkedUserId(org, { ...account, subject: 'other' })).toBeNull();
    expect(await store.linkedUserId(org, { ...account, issuer: `${ISSUER}/x` })).toBeNull();
    expect(await store.linkedUserId(org, { ...account, provider: 'microsoft' })).toBeNull();
    expect(await store.linkedUserId(await insertOrganization(dataSource), account)).toBeNull();
  });

  it('links one account to one user per organization, and the same account in another', async () => {
    const org = await insertOrganization(dataSource);
    const other = await insertOrganization(dataSource);
    const account = anAccount({ provider: 'microsoft', issuer: randomUUID() });
    await link(org, await insertUser(dataSource, org), account);

    const error: unknown = await link(org, await insertUser(dataSource, org), account).catch(
      (e: unknown) => e,
    );
    expect(isUniqueViolation(error)).toBe(true);
    const elsewhere = await insertUser(dataSource, other);
    await link(other, elsewhere, account);
    expect(await store.linkedUserId(other, account)).toBe(elsewhere);
  });

  it('names, in one call, the users already linked to an account of this provider and issuer', async () => {
    const org = await insertOrganization(dataSource);
    const linked = await insertUser(dataSource, org);
    const otherIssuer = await insertUser(dataSource, org);
    const otherProvider = await insertUser(dataSource, org);
    const unlinked = await insertUser(dataSource, org);
    await link(org, linked, anAccount());
    await link(org, otherIssuer, anAccount({ issuer: 'https://other.example.com' }));
    await link(org, otherProvider, anAccount({ provider: 'microsoft' }));

    const candidates = [linked, otherIssuer, otherProvider, unlinked];
    const query = jest.spyOn(dataSource, 'query');
    try {
      expect(await store.linkedAmong(candidates, { provider: 'oidc', issuer: ISSUER })).toEqual(
        new Set([linked]),
      );
      expect(query).toHaveBeenCalledTimes(1);
      expect(await store.linkedAmong([], { provider: 'oidc', issuer: ISSUER })).toEqual(new Set());
      expect(query).toHaveBeenCalledTimes(1);
    } finally {
      query.mockRestore();
    }
  });

  it('keeps no link when the transaction rolls back', async () => {
    const org = await insertOrganization(dataSource);
    const user = await insertUser(dataSource, org);
    const account = anAccount();
    await expect(
      transactions.run(async (tx) => {
        await store.link(tx, {
          userId: user,
          organizationId: org,
          identity: account,
          at: new Date(),
        });
        expect(await store.linkedUserId(org, account, tx)).toBe(user);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await store.linkedUserId(org, account)).toBeNull();
  });
});
