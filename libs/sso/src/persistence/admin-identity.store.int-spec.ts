import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions, runMigrations } from '@rollcall/db';
import { createFreshDatabase, type FreshDatabase } from '@rollcall/db/testing';
import type { FederatedIdentity } from '../domain/federated-identity';
import { AdminIdentityEntity } from './admin-identity.entity';
import { AdminIdentityStore } from './admin-identity.store';

// Admins' linked sign-in accounts on a real database: one account per provider and admin, one
// admin per account in an organization, and a link that only its exact (provider, issuer,
// subject) finds.

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
  const store = new AdminIdentityStore();
  const orgA = randomUUID();
  const orgB = randomUUID();
  const ada = { id: randomUUID(), organizationId: orgA };
  const bob = { id: randomUUID(), organizationId: orgA };
  const carol = { id: randomUUID(), organizationId: orgB };

  beforeAll(async () => {
    database = await createFreshDatabase();
    dataSource = await new DataSource(
      buildDataSourceOptions(database.config, { entities: [AdminIdentityEntity] }),
    ).initialize();
    await runMigrations(dataSource);
    const now = new Date();
    for (const [id, slug] of [
      [orgA, 'org-a'],
      [orgB, 'org-b'],
    ] as const) {
      await dataSource
        .createQueryBuilder()
        .insert()
        .into('organizations')
        .values({ id, name: slug, slug, created_at: now, updated_at: now })
        .execute();
    }
    for (const admin of [ada, bob, carol]) {
      const email = `${admin.id}@example.com`;
      await dataSource
        .createQueryBuilder()
        .insert()
        .into('organization_admins')
        .values({
          id: admin.id,
          organization_id: admin.organizationId,
          email,
          email_normalized: email,
          password_hash: 'x',
          created_at: now,
        })
        .execute();
    }
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('finds the admin by the exact provider, issuer and subject only', async () => {
    const identity = anIdentity();
    await store.link(dataSource.manager, ada, identity);
    const m = dataSource.manager;
    expect(await store.adminOf(m, orgA, identity)).toBe(ada.id);
    expect(await store.adminOf(m, orgA, { ...identity, subject: 'other' })).toBeNull();
    expect(await store.adminOf(m, orgA, { ...identity, issuer: `${ISSUER}/x` })).toBeNull();
    expect(await store.adminOf(m, orgA, { ...identity, provider: 'microsoft' })).toBeNull();
    expect(await store.adminOf(m, orgB, identity)).toBeNull();
    expect(await store.isLinked(m, ada.id, 'oidc', ISSUER)).toBe(true);
    expect(await store.isLinked(m, ada.id, 'microsoft', ISSUER)).toBe(false);
  });

  it('keeps one account per provider and admin: linking again replaces it', async () => {
    const first = anIdentity();
    const second = anIdentity({ label: 'second@example.com' });
    await store.link(dataSource.manager, bob, first);
    await store.link(dataSource.manager, bob, second);
    expect(await store.adminOf(dataSource.manager, orgA, first)).toBeNull();
    expect(await store.adminOf(dataSource.manager, orgA, second)).toBe(bob.id);
    expect(await store.linksOf(dataSource.manager, bob.id)).toEqual([
      { provider: 'oidc', issuer: ISSUER, label: 'second@example.com', linkedAt: expect.any(Date) },
    ]);
  });

  it('moves an account to the admin who linked it last, and lets another org link it too', async () => {
    const shared = anIdentity();
    await store.link(dataSource.manager, ada, shared);
    await store.link(dataSource.manager, bob, shared);
    expect(await store.adminOf(dataSource.manager, orgA, shared)).toBe(bob.id);
    await store.link(dataSource.manager, carol, shared);
    expect(await store.adminOf(dataSource.manager, orgB, shared)).toBe(carol.id);
    expect(await store.adminOf(dataSource.manager, orgA, shared)).toBe(bob.id);
  });

  it('refuses a second row for one account in one org (the unique index)', async () => {
    const identity = anIdentity({ provider: 'microsoft', issuer: randomUUID() });
    await store.link(dataSource.manager, ada, identity);
    // Bob has no Microsoft link, so only the account's own uniqueness can refuse this.
    await expect(
      dataSource.manager.insert(AdminIdentityEntity, {
        id: randomUUID(),
        adminId: bob.id,
        organizationId: orgA,
        provider: 'microsoft',
        issuerTenant: identity.issuer,
        subject: identity.subject,
        label: 'x',
        createdAt: new Date(),
      }),
    ).rejects.toThrow();
    await store.unlink(dataSource.manager, ada.id, 'microsoft');
  });

  it('unlinks, and says when there was nothing to unlink', async () => {
    const identity = anIdentity({ provider: 'microsoft', issuer: randomUUID() });
    await store.link(dataSource.manager, carol, identity);
    expect(await store.unlink(dataSource.manager, carol.id, 'microsoft')).toBe(true);
    expect(await store.adminOf(dataSource.manager, orgB, identity)).toBeNull();
    expect(await store.unlink(dataSource.manager, carol.id, 'microsoft')).toBe(false);
  });
});
