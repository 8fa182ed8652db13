import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  buildDataSourceOptions,
  dialectOf,
  runMigrations,
  sqlValues,
  Transactions,
  type SqlValues,
} from '@rollcall/db';
import { createFreshDatabase, insertOrganization, type FreshDatabase } from '@rollcall/db/testing';
import type { FederatedIdentity } from '../domain/federated-identity';
import { AdminIdentityStore } from './admin-identity.store';

// Admins' linked sign-in accounts on a real database (SQLite, or PostgreSQL with
// TEST_DB=postgres): one account per provider and admin, one admin per account in an
// organization, and a link that only its exact (provider, issuer, subject) finds.

const ISSUER = 'https://idp.example.com';

function anIdentity(overrides: Partial<FederatedIdentity> = {}): FederatedIdentity {
  return {
    provider: 'oidc',
    issuer: ISSUER,
    subject: `sub-${randomUUID()}`,
    verifiedEmail: null,
    userPrincipalName: null,
    objectId: null,
    displayName: null,
    label: 'ada@example.com',
    ...overrides,
  };
}

describe('AdminIdentityStore', () => {
  let database: FreshDatabase;
  let dataSource: DataSource;
  let store: AdminIdentityStore;
  let transactions: Transactions;
  let values: SqlValues;
  let orgA: string;
  let orgB: string;
  const ada = { id: randomUUID(), organizationId: '' };
  const bob = { id: randomUUID(), organizationId: '' };
  const carol = { id: randomUUID(), organizationId: '' };
  const p = (n: number) => (values.dialect === 'postgres' ? `$${n}` : '?');

  const link = (admin: { id: string; organizationId: string }, identity: FederatedIdentity) =>
    transactions.run((tx) => store.link(tx, admin, identity));
  const unlink = (adminId: string, provider: 'microsoft' | 'oidc') =>
    transactions.run((tx) => store.unlink(tx, adminId, provider));

  beforeAll(async () => {
    database = await createFreshDatabase();
    dataSource = await new DataSource(buildDataSourceOptions(database.config)).initialize();
    await runMigrations(dataSource);
    values = sqlValues(dialectOf(dataSource));
    store = new AdminIdentityStore(dataSource);
    transactions = new Transactions(dataSource);
    orgA = await insertOrganization(dataSource);
    orgB = await insertOrganization(dataSource);
    Object.assign(ada, { organizationId: orgA });
    Object.assign(bob, { organizationId: orgA });
    Object.assign(carol, { organizationId: orgB });
    for (const admin of [ada, bob, carol]) {
      const email = `${admin.id}@example.com`;
      await dataSource.query(
        `INSERT INTO organization_admins (id, organization_id, email, email_normalized, password_hash, created_at)
         VALUES (${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, 'x', ${p(5)})`,
        [admin.id, admin.organizationId, email, email, values.timestamp(new Date())],
      );
    }
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('finds the admin by the exact provider, issuer and subject only', async () => {
    const identity = anIdentity();
    await link(ada, identity);
    expect(await store.adminOf(undefined, orgA, identity)).toBe(ada.id);
    expect(await store.adminOf(undefined, orgA, { ...identity, subject: 'other' })).toBeNull();
    expect(await store.adminOf(undefined, orgA, { ...identity, issuer: `${ISSUER}/x` })).toBeNull();
    expect(await store.adminOf(undefined, orgA, { ...identity, provider: 'microsoft' })).toBeNull();
    expect(await store.adminOf(undefined, orgB, identity)).toBeNull();
    expect(await store.isLinked(undefined, ada.id, 'oidc', ISSUER)).toBe(true);
    expect(await store.isLinked(undefined, ada.id, 'oidc', `${ISSUER}/x`)).toBe(false);
    expect(await store.isLinked(undefined, ada.id, 'microsoft', ISSUER)).toBe(false);
  });

  it('stores the link as given, its label cut to the column, and lists it', async () => {
    const before = new Date();
    const identity = anIdentity({
      provider: 'microsoft',
      issuer: randomUUID(),
      label: 'l'.repeat(400),
    });
    await link(carol, identity);
    const rows: Record<string, unknown>[] = await dataSource.query(
      `SELECT * FROM admin_identities WHERE admin_id = ${p(1)} AND provider = 'microsoft'`,
      [carol.id],
    );
    expect(rows).toEqual([
      expect.objectContaining({
        admin_id: carol.id,
        organization_id: orgB,
        provider: 'microsoft',
        issuer_tenant: identity.issuer,
        subject: identity.subject,
        label: 'l'.repeat(320),
      }),
    ]);
    const [linked] = await store.linksOf(undefined, carol.id);
    expect(linked).toEqual({
      provider: 'microsoft',
      issuer: identity.issuer,
      label: 'l'.repeat(320),
      linkedAt: values.readDate(rows[0]?.['created_at']),
    });
    expect(linked?.linkedAt.getTime()).toBeGreaterThanOrEqual(before.getTime());
    await unlink(carol.id, 'microsoft');
  });

  it('keeps one account per provider and admin: linking again replaces it', async () => {
    const first = anIdentity();
    const second = anIdentity({ label: 'second@example.com' });
    await link(bob, first);
    await link(bob, second);
    expect(await store.adminOf(undefined, orgA, first)).toBeNull();
    expect(await store.adminOf(undefined, orgA, second)).toBe(bob.id);
    expect(await store.linksOf(undefined, bob.id)).toEqual([
      { provider: 'oidc', issuer: ISSUER, label: 'second@example.com', linkedAt: expect.any(Date) },
    ]);
  });

  it('lists an admin’s links the oldest first', async () => {
    const admin = { id: randomUUID(), organizationId: orgB };
    await dataSource.query(
      `INSERT INTO organization_admins (id, organization_id, email, email_normalized, password_hash, created_at)
       VALUES (${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, 'x', ${p(5)})`,
      [
        admin.id,
        orgB,
        `${admin.id}@example.com`,
        `${admin.id}@example.com`,
        values.timestamp(new Date()),
      ],
    );
    await link(admin, anIdentity({ label: 'oidc@example.com' }));
    await new Promise((done) => setTimeout(done, 5));
    await link(admin, anIdentity({ provider: 'microsoft', issuer: randomUUID(), label: 'ms' }));
    const links = await store.linksOf(undefined, admin.id);
    expect(links.map((each) => each.provider)).toEqual(['oidc', 'microsoft']);
    expect(await store.linksOf(undefined, randomUUID())).toEqual([]);
  });

  it('moves an account to the admin who linked it last, and lets another org link it too', async () => {
    const shared = anIdentity();
    await link(ada, shared);
    await link(bob, shared);
    expect(await store.adminOf(undefined, orgA, shared)).toBe(bob.id);
    await link(carol, shared);
    expect(await store.adminOf(undefined, orgB, shared)).toBe(carol.id);
    expect(await store.adminOf(undefined, orgA, shared)).toBe(bob.id);
  });

  it('refuses a second row for one account in one org (the unique index)', async () => {
    const identity = anIdentity({ provider: 'microsoft', issuer: randomUUID() });
    await link(ada, identity);
    // Bob has no Microsoft link, so only the account's own uniqueness can refuse this.
    await expect(
      dataSource.query(
        `INSERT INTO admin_identities (id, admin_id, organization_id, provider, issuer_tenant, subject, label, created_at)
         VALUES (${p(1)}, ${p(2)}, ${p(3)}, 'microsoft', ${p(4)}, ${p(5)}, 'x', ${p(6)})`,
        [
          randomUUID(),
          bob.id,
          orgA,
          identity.issuer,
          identity.subject,
          values.timestamp(new Date()),
        ],
      ),
    ).rejects.toThrow();
    await unlink(ada.id, 'microsoft');
  });

  it('unlinks, and says when there was nothing to unlink', async () => {
    const identity = anIdentity({ provider: 'microsoft', issuer: randomUUID() });
    await link(carol, identity);
    expect(await unlink(carol.id, 'microsoft')).toBe(true);
    expect(await store.adminOf(undefined, orgB, identity)).toBeNull();
    expect(await unlink(carol.id, 'microsoft')).toBe(false);
  });

  it('reads its own transaction’s link, and a rollback leaves the previous one', async () => {
    const kept = anIdentity({ provider: 'microsoft', issuer: randomUUID() });
    await link(ada, kept);
    const replacing = anIdentity({ provider: 'microsoft', issuer: kept.issuer });
    await expect(
      transactions.run(async (tx) => {
        await store.link(tx, ada, replacing);
        expect(await store.adminOf(tx, orgA, replacing)).toBe(ada.id);
        expect(await store.adminOf(tx, orgA, kept)).toBeNull();
        expect(await store.isLinked(tx, ada.id, 'microsoft', kept.issuer)).toBe(true);
        throw new Error('abandoned');
      }),
    ).rejects.toThrow('abandoned');
    expect(await store.adminOf(undefined, orgA, kept)).toBe(ada.id);
    expect(await store.adminOf(undefined, orgA, replacing)).toBeNull();
    await unlink(ada.id, 'microsoft');
  });
});
