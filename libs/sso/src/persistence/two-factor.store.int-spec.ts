import { DataSource } from 'typeorm';
import { buildDataSourceOptions, runMigrations, Transactions } from '@rollcall/db';
import { createFreshDatabase, insertOrganization, type FreshDatabase } from '@rollcall/db/testing';
import { generateChallenge } from '../domain/sign-in-challenge';
import { insertAdmin } from './testing/sso-tables.fixture';
import { AdminSessionStore } from './admin-session.store';
import { SignInChallengeStore } from './sign-in-challenge.store';
import { TwoFactorStore } from './two-factor.store';

// An admin's second factor on a real database (SQLite, or PostgreSQL with TEST_DB=postgres):
// pending and enabled secrets, a TOTP step and a recovery code each spent once, challenges
// spent once and not after expiry, and revoking every session but one.

let database: FreshDatabase;
let dataSource: DataSource;
let transactions: Transactions;
let store: TwoFactorStore;
let challenges: SignInChallengeStore;

beforeAll(async () => {
  database = await createFreshDatabase();
  dataSource = await new DataSource(buildDataSourceOptions(database.config)).initialize();
  await runMigrations(dataSource);
  transactions = new Transactions(dataSource);
  store = new TwoFactorStore(dataSource);
  challenges = new SignInChallengeStore(dataSource);
});

afterAll(async () => {
  await dataSource?.destroy();
  await database?.drop();
});

async function anAdmin(): Promise<string> {
  return (await insertAdmin(dataSource, await insertOrganization(dataSource))).id;
}

describe('TwoFactorStore', () => {
  it('keeps a pending secret until the one it was checked against is enabled', async () => {
    const adminId = await anAdmin();
    expect(await store.find(adminId)).toBeNull();
    await transactions.run((tx) => store.savePending(tx, adminId, 'sealed-1', new Date()));
    await transactions.run((tx) => store.savePending(tx, adminId, 'sealed-2', new Date()));
    expect(await store.find(adminId)).toEqual({
      adminId,
      secretSealed: 'sealed-2',
      enabledAt: null,
      lastUsedStep: null,
    });
    // A code checked against the replaced secret enables nothing.
    expect(
      await transactions.run((tx) => store.enable(tx, adminId, 'sealed-1', 100, new Date())),
    ).toBe(false);
    const at = new Date('2026-05-06T07:08:09.000Z');
    expect(await transactions.run((tx) => store.enable(tx, adminId, 'sealed-2', 100, at))).toBe(
      true,
    );
    expect(await store.find(adminId)).toEqual({
      adminId,
      secretSealed: 'sealed-2',
      enabledAt: at,
      lastUsedStep: 100,
    });
    // An enabled secret is never replaced by a pending one.
    await expect(
      transactions.run((tx) => store.savePending(tx, adminId, 'sealed-3', new Date())),
    ).rejects.toThrow();
  });

  it('accepts each step once, and only newer ones', async () => {
    const adminId = await anAdmin();
    await transactions.run(async (tx) => {
      await store.savePending(tx, adminId, 's', new Date());
      await store.enable(tx, adminId, 's', 100, new Date());
    });
    const use = (step: number) => transactions.run((tx) => store.useStep(tx, adminId, step));
    expect(await use(100)).toBe(false);
    expect(await use(99)).toBe(false);
    expect(await use(101)).toBe(true);
    expect(await use(101)).toBe(false);
    expect((await store.find(adminId))?.lastUsedStep).toBe(101);
  });

  it('spends a recovery code once; replacing or removing ends the old ones', async () => {
    const adminId = await anAdmin();
    const other = await anAdmin();
    const use = (admin: string, hash: string) =>
      transactions.run((tx) => store.useRecoveryCode(tx, admin, hash, new Date()));
    await transactions.run((tx) =>
      store.replaceRecoveryCodes(tx, adminId, ['a'.repeat(64), 'b'.repeat(64)], new Date()),
    );
    expect(await store.unusedRecoveryCodes(adminId)).toBe(2);
    expect(await use(other, 'a'.repeat(64))).toBe(false);
    expect(await use(adminId, 'a'.repeat(64))).toBe(true);
    expect(await use(adminId, 'a'.repeat(64))).toBe(false);
    expect(await store.unusedRecoveryCodes(adminId)).toBe(1);

    await transactions.run((tx) =>
      store.replaceRecoveryCodes(tx, adminId, ['c'.repeat(64)], new Date()),
    );
    expect(await use(adminId, 'b'.repeat(64))).toBe(false);
    expect(await store.unusedRecoveryCodes(adminId)).toBe(1);

    await transactions.run(async (tx) => {
      await store.savePending(tx, adminId, 's', new Date());
      await store.remove(tx, adminId);
    });
    expect(await store.find(adminId)).toBeNull();
    expect(await use(adminId, 'c'.repeat(64))).toBe(false);
  });
});

describe('SignInChallengeStore', () => {
  it('finds a live challenge, spends it once, and never after it expires', async () => {
    const adminId = await anAdmin();
    const now = new Date();
    const live = generateChallenge();
    await transactions.run((tx) =>
      challenges.issue(
        tx,
        { id: live.id, adminId, purpose: 'verify', expiresAt: new Date(now.getTime() + 60_000) },
        now,
      ),
    );
    expect(await challenges.findLive(live.id, now)).toMatchObject({
      adminId,
      purpose: 'verify',
    });
    expect(await transactions.run((tx) => challenges.take(tx, live.id, now))).toBe(true);
    expect(await transactions.run((tx) => challenges.take(tx, live.id, now))).toBe(false);
    expect(await challenges.findLive(live.id, now)).toBeNull();

    const expiring = generateChallenge();
    await transactions.run((tx) =>
      challenges.issue(
        tx,
        { id: expiring.id, adminId, purpose: 'enrol', expiresAt: new Date(now.getTime() + 1000) },
        now,
      ),
    );
    const later = new Date(now.getTime() + 2000);
    expect(await challenges.findLive(expiring.id, later)).toBeNull();
    expect(await transactions.run((tx) => challenges.take(tx, expiring.id, later))).toBe(false);
    expect(await transactions.run((tx) => challenges.purgeExpired(tx, later))).toBe(1);
  });

  it('lets a new sign-in of the admin supersede an earlier unfinished one', async () => {
    const adminId = await anAdmin();
    const now = new Date();
    const expiresAt = new Date(now.getTime() + 60_000);
    const first = generateChallenge();
    const second = generateChallenge();
    await transactions.run((tx) =>
      challenges.issue(tx, { id: first.id, adminId, purpose: 'verify', expiresAt }, now),
    );
    await transactions.run((tx) =>
      challenges.issue(tx, { id: second.id, adminId, purpose: 'verify', expiresAt }, now),
    );
    expect(await challenges.findLive(first.id, now)).toBeNull();
    expect(await challenges.findLive(second.id, now)).not.toBeNull();
  });
});

describe('AdminSessionStore.revokeAllOfBut', () => {
  it('revokes every live session of the admin except the one kept', async () => {
    const sessions = new AdminSessionStore(dataSource);
    const organizationId = await insertOrganization(dataSource);
    const admin = await insertAdmin(dataSource, organizationId);
    const other = await insertAdmin(dataSource, organizationId);
    const now = new Date();
    const open = (id: string, adminId: string) =>
      transactions.run((tx) =>
        sessions.open(tx, {
          id,
          adminId,
          organizationId,
          csrfToken: `csrf-${id.slice(0, 16)}`,
          createdAt: now,
          expiresAt: new Date(now.getTime() + 3_600_000),
          userAgent: null,
          ipAddress: null,
        }),
      );
    const ids = [generateChallenge().id, generateChallenge().id, generateChallenge().id];
    await open(ids[0] ?? '', admin.id);
    await open(ids[1] ?? '', admin.id);
    await open(ids[2] ?? '', other.id);
    expect(
      await transactions.run((tx) => sessions.revokeAllOfBut(tx, admin.id, ids[0] ?? '', now)),
    ).toBe(1);
    const live = async (id: string) =>
      (await sessions.findLive(id, {
        now,
        idleCutoff: new Date(now.getTime() - 3_600_000),
        lastSeenStaleBefore: new Date(now.getTime() - 60_000),
      })) !== null;
    expect(await live(ids[0] ?? '')).toBe(true);
    expect(await live(ids[1] ?? '')).toBe(false);
    expect(await live(ids[2] ?? '')).toBe(true);
  });
});
