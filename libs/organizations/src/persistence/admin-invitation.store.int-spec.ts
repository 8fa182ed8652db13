import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Transactions, buildDataSourceOptions, runMigrations } from '@rollcall/db';
import { createFreshDatabase, onPostgres, type FreshDatabase } from '@rollcall/db/testing';
import type { AdminRole } from '../domain/admin-role';
import {
  generateInvitationSecret,
  hashInvitationToken,
  isInvitationExpired,
} from '../domain/admin-invitation';
import { AdminInvitationStore, type NewAdminInvitation } from './admin-invitation.store';
import { ORGANIZATION_ENTITIES } from './organization.entities';
import { OrganizationEntity } from './organization.entity';

// The admin_invitations store on a real database (SQLite, or PostgreSQL with TEST_DB=postgres):
// only the token's SHA-256 is kept, one invitation per address, a token is claimed once.

let database: FreshDatabase;
let dataSource: DataSource;
let transactions: Transactions;
let store: AdminInvitationStore;

const DAY = 24 * 60 * 60 * 1000;

async function anOrganization(): Promise<string> {
  const id = randomUUID();
  const now = new Date();
  await dataSource.getRepository(OrganizationEntity).insert({
    id,
    name: 'Invitations Org',
    slug: `invitations-${id}`,
    scimEnabled: true,
    deletedTeamRetentionDays: 30,
    defaultRole: 'member',
    createdAt: now,
    updatedAt: now,
  });
  return id;
}

/** Stores an invitation; returns it with the token that goes into its link. */
async function anInvitation(
  organizationId: string,
  overrides: { email?: string; role?: AdminRole; createdAt?: Date; expiresAt?: Date } = {},
): Promise<NewAdminInvitation & { token: string }> {
  const secret = generateInvitationSecret();
  const createdAt = overrides.createdAt ?? new Date('2031-02-03T04:05:06.789Z');
  const invitation: NewAdminInvitation = {
    id: randomUUID(),
    organizationId,
    email: overrides.email ?? `grace-${randomUUID().slice(0, 8)}@example.com`,
    role: overrides.role ?? 'admin',
    invitedBy: 'admin:owner@example.com',
    createdAt,
    expiresAt: overrides.expiresAt ?? new Date(createdAt.getTime() + 7 * DAY),
    tokenHash: secret.hash,
  };
  await transactions.run((tx) => store.replace(tx, invitation));
  return { ...invitation, token: secret.token };
}

const withoutHash = ({
  tokenHash: _hash,
  token: _token,
  ...rest
}: NewAdminInvitation & { token: string }) => rest;

beforeAll(async () => {
  database = await createFreshDatabase();
  dataSource = await new DataSource(
    buildDataSourceOptions(database.config, { entities: ORGANIZATION_ENTITIES }),
  ).initialize();
  await runMigrations(dataSource);
  transactions = new Transactions(dataSource);
  store = new AdminInvitationStore(dataSource);
});

afterAll(async () => {
  await dataSource?.destroy();
  await database?.drop();
});

describe('AdminInvitationStore', () => {
  it('keeps the SHA-256 of the token, never the token, and round-trips the invitation', async () => {
    const organizationId = await anOrganization();
    const invitation = await anInvitation(organizationId, { role: 'viewer' });

    const rows: Record<string, unknown>[] = await dataSource.query(
      `SELECT * FROM admin_invitations WHERE organization_id = ${onPostgres() ? '$1' : '?'}`,
      [organizationId],
    );
    expect(rows).toHaveLength(1);
    const stored = Object.values(rows[0] ?? {}).map(String);
    expect(stored.some((value) => value.includes(invitation.token))).toBe(false);
    expect(stored).toContain(hashInvitationToken(invitation.token));

    expect(await store.listOf(organizationId)).toEqual([withoutHash(invitation)]);
    expect(await store.findByTokenHash(hashInvitationToken(invitation.token))).toEqual(
      withoutHash(invitation),
    );
  });

  it('finds nothing for an unknown token or the token itself used as a hash', async () => {
    const organizationId = await anOrganization();
    const invitation = await anInvitation(organizationId);
    expect(await store.findByTokenHash(hashInvitationToken(`${invitation.token}x`))).toBeNull();
    expect(await store.findByTokenHash(invitation.token)).toBeNull();
  });

  it('lists an organization’s invitations oldest first, and only its own', async () => {
    const organizationId = await anOrganization();
    const otherId = await anOrganization();
    const later = await anInvitation(organizationId, {
      createdAt: new Date('2031-02-05T00:00:00.000Z'),
    });
    const earlier = await anInvitation(organizationId, {
      createdAt: new Date('2031-02-04T00:00:00.000Z'),
    });
    await anInvitation(otherId);
    expect((await store.listOf(organizationId)).map((i) => i.id)).toEqual([earlier.id, later.id]);
  });

  it('replaces the invitation of the same address (whatever its case), in that organization only', async () => {
    const organizationId = await anOrganization();
    const otherId = await anOrganization();
    const first = await anInvitation(organizationId, { email: 'Twice@Example.com' });
    const elsewhere = await anInvitation(otherId, { email: 'twice@example.com' });
    const second = await anInvitation(organizationId, {
      email: 'twice@example.COM',
      role: 'owner',
    });

    expect(await store.listOf(organizationId)).toEqual([withoutHash(second)]);
    expect(await store.findByTokenHash(first.tokenHash)).toBeNull();
    expect(await store.findByTokenHash(elsewhere.tokenHash)).toEqual(withoutHash(elsewhere));
  });

  it('returns an expired invitation as stored: the caller judges expiry against its clock', async () => {
    const organizationId = await anOrganization();
    const createdAt = new Date('2020-01-01T00:00:00.000Z');
    const invitation = await anInvitation(organizationId, {
      createdAt,
      expiresAt: new Date(createdAt.getTime() + 7 * DAY),
    });
    const found = await store.findByTokenHash(invitation.tokenHash);
    expect(found?.expiresAt).toEqual(new Date('2020-01-08T00:00:00.000Z'));
    expect(found && isInvitationExpired(found, new Date('2020-01-07T23:59:59.999Z'))).toBe(false);
    expect(found && isInvitationExpired(found, new Date('2020-01-08T00:00:00.000Z'))).toBe(true);
    // Listed, so the owner sees it expired and can withdraw or renew it.
    expect((await store.listOf(organizationId)).map((i) => i.id)).toEqual([invitation.id]);
  });

  it('hands a token out once, even to two concurrent claims', async () => {
    const organizationId = await anOrganization();
    const invitation = await anInvitation(organizationId);
    const claims = await Promise.all([
      transactions.run((tx) => store.claimByTokenHash(tx, invitation.tokenHash)),
      transactions.run((tx) => store.claimByTokenHash(tx, invitation.tokenHash)),
    ]);
    expect(claims.filter((claim) => claim !== null)).toEqual([withoutHash(invitation)]);
    expect(await store.findByTokenHash(invitation.tokenHash)).toBeNull();
    expect(await store.listOf(organizationId)).toEqual([]);
  });

  it('keeps the invitation when the claiming transaction rolls back', async () => {
    const organizationId = await anOrganization();
    const invitation = await anInvitation(organizationId);
    await expect(
      transactions.run(async (tx) => {
        expect(await store.claimByTokenHash(tx, invitation.tokenHash)).not.toBeNull();
        throw new Error('creating the admin failed');
      }),
    ).rejects.toThrow('creating the admin failed');
    expect(await store.findByTokenHash(invitation.tokenHash)).toEqual(withoutHash(invitation));
  });

  it('withdraws by id within the organization only', async () => {
    const organizationId = await anOrganization();
    const otherId = await anOrganization();
    const invitation = await anInvitation(organizationId);

    expect(
      await transactions.run((tx) =>
        store.delete(tx, otherId, invitation.id, 'admin:owner@acme.example'),
      ),
    ).toBe(false);
    expect(await store.findByTokenHash(invitation.tokenHash)).not.toBeNull();
    expect(
      await transactions.run((tx) =>
        store.delete(tx, organizationId, invitation.id, 'admin:owner@acme.example'),
      ),
    ).toBe(true);
    expect(await store.findByTokenHash(invitation.tokenHash)).toBeNull();
    expect(
      await transactions.run((tx) =>
        store.delete(tx, organizationId, invitation.id, 'admin:owner@acme.example'),
      ),
    ).toBe(false);
  });

  it('drops the invitations of an address that became an admin', async () => {
    const organizationId = await anOrganization();
    const kept = await anInvitation(organizationId, { email: 'kept@example.com' });
    await anInvitation(organizationId, { email: 'Joined@Example.com' });
    await transactions.run((tx) => store.deleteForEmail(tx, organizationId, 'joined@example.com'));
    expect((await store.listOf(organizationId)).map((i) => i.id)).toEqual([kept.id]);
  });
});
