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
import type { FederatedCredential } from '../domain/federated-credential';
import { credentialAudience } from '../domain/federated-credential.rules';
import { FederatedAssertionJtiEntity } from './federated-assertion-jti.entity';
import { FederatedCredentialEntity } from './federated-credential.entity';
import { FederatedCredentialStore } from './federated-credential.store';

// Federated credentials and the token ids exchanged under them, through their store, on
// SQLite and (TEST_DB=postgres) PostgreSQL: what is kept and read back, the events each change
// appends in its transaction, what an assertion is matched against, and replay refusal.

const ISSUER = 'https://login.microsoftonline.com/8e4c3f5a-1b2c-4d5e-8f90-123456789abc/v2.0';
const ACTOR = 'admin:ada@example.com';

let database: FreshDatabase;
let dataSource: DataSource;
let invalidation: CacheInvalidation;
let transactions: Transactions;
let store: FederatedCredentialStore;
let postgres: boolean;
const p = (n: number) => (postgres ? `$${n}` : '?');

function aCredential(
  organizationId: string,
  overrides: Partial<FederatedCredential> = {},
): FederatedCredential {
  return {
    id: randomUUID(),
    organizationId,
    name: 'Entra workload identity',
    issuer: ISSUER,
    subject: randomUUID(),
    audience: credentialAudience(ISSUER),
    jwksUri: null,
    accessTokenLifetimeMinutes: 60,
    createdAt: new Date('2026-03-04T05:06:07.891Z'),
    lastUsedAt: null,
    revokedAt: null,
    ...overrides,
  };
}

async function created(
  organizationId: string,
  overrides: Partial<FederatedCredential> = {},
): Promise<FederatedCredential> {
  const credential = aCredential(organizationId, overrides);
  await transactions.run((tx) => store.create(tx, credential, ACTOR));
  return credential;
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

async function jtisOf(credentialId: string): Promise<string[]> {
  const rows = (await dataSource.query(
    `SELECT jti FROM scim_federated_assertion_jtis WHERE credential_id = ${p(1)} ORDER BY jti`,
    [credentialId],
  )) as { jti: string }[];
  return rows.map((row) => row.jti);
}

beforeAll(async () => {
  database = await createFreshDatabase();
  dataSource = await new DataSource(
    buildDataSourceOptions(database.config, {
      entities: [FederatedCredentialEntity, FederatedAssertionJtiEntity],
    }),
  ).initialize();
  await runMigrations(dataSource);
  postgres = dataSource.options.type === 'postgres';
  invalidation = createCacheInvalidation(dataSource);
  transactions = new Transactions(dataSource);
  store = new FederatedCredentialStore(dataSource, invalidation);
});

afterAll(async () => {
  await invalidation?.close();
  await dataSource?.destroy();
  await database?.drop();
});

describe('FederatedCredentialStore', () => {
  it('reads a credential back as written, in its organization only, with its event', async () => {
    const org = await insertOrganization(dataSource);
    const credential = await created(org, { jwksUri: 'https://issuer.example/keys' });
    await transactions.run(async (tx) => {
      expect(await store.findInOrganization(tx, org, credential.id)).toEqual(credential);
      const other = await insertOrganization(dataSource);
      expect(await store.findInOrganization(tx, other, credential.id)).toBeNull();
    });
    expect(await eventsOf(org)).toEqual([
      {
        type: 'credential.created',
        actor: ACTOR,
        subject_type: 'credential',
        subject_id: credential.id,
        data: {
          credential: { kind: 'federated_credential', id: credential.id, name: credential.name },
        },
      },
    ]);
  });

  it('lists an organization’s credentials newest first', async () => {
    const org = await insertOrganization(dataSource);
    const older = await created(org, { createdAt: new Date('2026-01-01T00:00:00.000Z') });
    const newer = await created(org, { createdAt: new Date('2026-02-01T00:00:00.000Z') });
    await created(await insertOrganization(dataSource));
    expect(await store.listInOrganization(org)).toEqual([newer, older]);
  });

  it('refuses a second live credential for one issuer and subject in an organization only', async () => {
    const org = await insertOrganization(dataSource);
    const first = await created(org);
    const again = aCredential(org, { subject: first.subject });
    await expect(transactions.run((tx) => store.create(tx, again, ACTOR))).rejects.toMatchObject({
      code: 'FEDERATED_CREDENTIAL_TAKEN',
    });
    expect((await store.listInOrganization(org)).map((c) => c.id)).toEqual([first.id]);
    expect(await eventsOf(org)).toHaveLength(1);

    await expect(
      created(await insertOrganization(dataSource), { subject: first.subject }),
    ).resolves.toBeDefined();
    await transactions.run((tx) => store.revoke(tx, first, new Date(), ACTOR));
    await expect(created(org, { subject: first.subject })).resolves.toBeDefined();
  });

  it('leaves nothing behind, row or event, when the transaction rolls back', async () => {
    const org = await insertOrganization(dataSource);
    await expect(
      transactions.run(async (tx) => {
        await store.create(tx, aCredential(org), ACTOR);
        throw new Error('after the write');
      }),
    ).rejects.toThrow('after the write');
    expect(await store.listInOrganization(org)).toEqual([]);
    expect(await eventsOf(org)).toEqual([]);
  });

  it('revokes with its event and an announcement, and is then no longer live', async () => {
    const org = await insertOrganization(dataSource);
    const credential = await created(org);
    expect(await store.isLive(org, credential.id)).toBe(true);
    expect(await store.isLive(await insertOrganization(dataSource), credential.id)).toBe(false);

    const heard = jest.fn();
    const unsubscribe = invalidation.subscribe(SCIM_CREDENTIALS_TOPIC, heard);
    const at = new Date('2026-06-07T08:09:10.111Z');
    await transactions.run((tx) => store.revoke(tx, credential, at, ACTOR));
    invalidation.sync();
    unsubscribe();
    expect(heard).toHaveBeenCalled();

    expect(await store.isLive(org, credential.id)).toBe(false);
    await transactions.run(async (tx) => {
      expect((await store.findInOrganization(tx, org, credential.id))?.revokedAt).toEqual(at);
    });
    expect((await eventsOf(org)).map((e) => [e.type, e.subject_id, e.data])).toEqual([
      [
        'credential.created',
        credential.id,
        { credential: { kind: 'federated_credential', id: credential.id, name: credential.name } },
      ],
      [
        'credential.revoked',
        credential.id,
        { credential: { kind: 'federated_credential', id: credential.id, name: credential.name } },
      ],
    ]);
  });

  it('matches an assertion by issuer, subject and any audience it names, live credentials only', async () => {
    const org = await insertOrganization(dataSource);
    const other = await insertOrganization(dataSource);
    const subject = randomUUID();
    const mine = await created(org, { subject });
    const theirs = await created(other, { subject });
    const revoked = await created(org, { subject: randomUUID() });
    await transactions.run((tx) => store.revoke(tx, revoked, new Date(), ACTOR));

    const find = (audiences: string[], sub: string = subject, iss = ISSUER) =>
      store.findLiveByAssertionClaims(iss, sub, audiences);
    expect(await find([mine.audience])).toEqual([mine]);
    expect(await find(['api://rollcall/unknown', theirs.audience])).toEqual([theirs]);
    expect((await find([mine.audience, theirs.audience])).map((c) => c.id).sort()).toEqual(
      [mine.id, theirs.id].sort(),
    );
    expect(await find([mine.audience], randomUUID())).toEqual([]);
    expect(await find([mine.audience], subject, 'https://issuer.example')).toEqual([]);
    expect(await find([revoked.audience], revoked.subject)).toEqual([]);
  });

  it('records a token id once per credential and forgets it once expired', async () => {
    const org = await insertOrganization(dataSource);
    const credential = await created(org);
    const another = await created(org);
    const later = new Date(Date.now() + 3_600_000);
    const past = new Date(Date.now() - 1000);

    expect(await store.recordJti(credential.id, 'jti-1', later)).toBe(true);
    expect(await store.recordJti(credential.id, 'jti-1', later)).toBe(false);
    expect(await store.recordJti(another.id, 'jti-1', later)).toBe(true);
    expect(await store.recordJti(credential.id, 'jti-old', past)).toBe(true);
    expect(await jtisOf(credential.id)).toEqual(['jti-1', 'jti-old']);

    await store.purgeExpiredJtis(new Date());
    expect(await jtisOf(credential.id)).toEqual(['jti-1']);
    expect(await jtisOf(another.id)).toEqual(['jti-1']);
  });

  it('writes last_used_at at most once a minute', async () => {
    const org = await insertOrganization(dataSource);
    const credential = await created(org);
    const lastUsed = async () =>
      (await store.findLiveByAssertionClaims(ISSUER, credential.subject, [credential.audience]))[0]
        ?.lastUsedAt;

    const before = Date.now();
    await store.touch(credential);
    const first = await lastUsed();
    expect(first?.getTime()).toBeGreaterThanOrEqual(before - 1);
    await store.touch(credential);
    expect(await lastUsed()).toEqual(first);
    const query = jest.spyOn(dataSource.manager, 'query');
    await store.touch({ id: credential.id, lastUsedAt: first ?? null });
    expect(query).not.toHaveBeenCalled();
    query.mockRestore();
  });
});
