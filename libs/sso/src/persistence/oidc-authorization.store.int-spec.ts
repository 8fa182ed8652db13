import { DataSource } from 'typeorm';
import { buildDataSourceOptions, runMigrations } from '@rollcall/db';
import { createFreshDatabase, type FreshDatabase } from '@rollcall/db/testing';
import type { OidcAuthorization } from '../domain/oidc-authorization';
import { randomToken, stateIdOf } from '../domain/oidc-authorization.policy';
import { OidcAuthorizationEntity } from './oidc-authorization.entity';
import { OidcAuthorizationStore } from './oidc-authorization.store';

// Started round trips through their store, on SQLite and (TEST_DB=postgres) PostgreSQL: a
// state finishes once and only before it expires, and abandoned ones are swept.

let database: FreshDatabase;
let dataSource: DataSource;
let store: OidcAuthorizationStore;

function anAuthorization(state: string, createdAt: Date, lifetimeMs = 600_000): OidcAuthorization {
  return {
    id: stateIdOf(state),
    purpose: 'sign_in',
    nonce: randomToken(),
    codeVerifier: randomToken(),
    organizationId: null,
    adminId: null,
    createdAt,
    expiresAt: new Date(createdAt.getTime() + lifetimeMs),
  };
}

async function stored(id: string): Promise<boolean> {
  return dataSource.getRepository(OidcAuthorizationEntity).existsBy({ id });
}

beforeAll(async () => {
  database = await createFreshDatabase();
  dataSource = await new DataSource(
    buildDataSourceOptions(database.config, { entities: [OidcAuthorizationEntity] }),
  ).initialize();
  await runMigrations(dataSource);
  store = new OidcAuthorizationStore(dataSource);
});

afterAll(async () => {
  await dataSource?.destroy();
  await database?.drop();
});

describe('OidcAuthorizationStore', () => {
  it('hands a round trip back once, as it was saved', async () => {
    const state = randomToken();
    const authorization = anAuthorization(state, new Date('2026-01-02T03:04:05.678Z'));
    await store.save(authorization);

    const now = new Date('2026-01-02T03:05:00.000Z');
    expect(await store.take(state, now)).toEqual(authorization);
    expect(await store.take(state, now)).toBeNull();
    expect(await stored(authorization.id)).toBe(false);
  });

  it('refuses a malformed, unknown or expired state, spending the expired one', async () => {
    const state = randomToken();
    const authorization = anAuthorization(state, new Date('2026-02-01T00:00:00.000Z'), 1000);
    await store.save(authorization);

    expect(await store.take('not a state')).toBeNull();
    expect(await store.take(randomToken())).toBeNull();
    expect(await store.take(state, new Date('2026-02-01T00:00:01.000Z'))).toBeNull();
    expect(await stored(authorization.id)).toBe(false);
  });

  it('sweeps expired round trips when one starts, and on purge', async () => {
    const t0 = new Date('2026-03-01T00:00:00.000Z');
    const abandoned = anAuthorization(randomToken(), t0, 1000);
    await store.save(abandoned);
    const later = anAuthorization(randomToken(), new Date(t0.getTime() + 2000), 1000);
    await store.save(later);
    expect(await stored(abandoned.id)).toBe(false);
    expect(await stored(later.id)).toBe(true);

    expect(await store.purgeExpired(new Date(t0.getTime() + 2500))).toBe(0);
    expect(await store.purgeExpired(new Date(t0.getTime() + 4000))).toBe(1);
    expect(await stored(later.id)).toBe(false);
  });
});
