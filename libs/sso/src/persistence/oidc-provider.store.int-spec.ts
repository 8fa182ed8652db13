import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions, runMigrations, Transactions } from '@rollcall/db';
import { createFreshDatabase, insertOrganization, type FreshDatabase } from '@rollcall/db/testing';
import type { StoredOidcProvider } from '../domain/oidc-provider';
import { OidcProviderEntity } from './oidc-provider.entity';
import { OidcProviderStore } from './oidc-provider.store';
import { insertAdmin, storedEvents } from './testing/sso-tables.fixture';

// The oidc_providers table through its store, on SQLite and (TEST_DB=postgres) PostgreSQL:
// one provider per organization read back as written, and every change committed with its
// event (never carrying the secret) or not at all.

let database: FreshDatabase;
let dataSource: DataSource;
let transactions: Transactions;
let store: OidcProviderStore;

async function aProvider(overrides: Partial<StoredOidcProvider> = {}): Promise<StoredOidcProvider> {
  const organizationId = overrides.organizationId ?? (await insertOrganization(dataSource));
  const admin = await insertAdmin(dataSource, organizationId);
  const at = new Date('2026-05-06T07:08:09.012Z');
  return {
    id: randomUUID(),
    organizationId,
    displayName: 'Okta',
    issuer: 'https://idp.example.com',
    clientId: 'client-1',
    clientSecretSealed: 'sealed:secret-1',
    updatedByAdminId: admin.id,
    updatedByEmail: admin.email,
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}

const save = (provider: StoredOidcProvider, updated = false, clientSecretChanged = true) =>
  transactions.run((tx) =>
    store.save(tx, provider, {
      updated,
      clientSecretChanged,
      actor: `admin:${provider.updatedByEmail}`,
    }),
  );

beforeAll(async () => {
  database = await createFreshDatabase();
  dataSource = await new DataSource(
    buildDataSourceOptions(database.config, { entities: [OidcProviderEntity] }),
  ).initialize();
  await runMigrations(dataSource);
  transactions = new Transactions(dataSource);
  store = new OidcProviderStore(dataSource);
});

afterAll(async () => {
  await dataSource?.destroy();
  await database?.drop();
});

describe('OidcProviderStore', () => {
  it('reads a provider back as written, with its sso.connected event and never the secret', async () => {
    const provider = await aProvider();
    await save(provider);

    expect(await store.find(provider.organizationId)).toEqual(provider);
    expect(await store.find(await insertOrganization(dataSource))).toBeNull();
    const events = await storedEvents(dataSource, provider.organizationId);
    expect(events).toEqual([
      {
        type: 'sso.connected',
        actor: `admin:${provider.updatedByEmail}`,
        subject: { type: 'sso_provider', id: 'oidc' },
        data: {
          provider: 'oidc',
          issuer: 'https://idp.example.com',
          clientId: 'client-1',
          displayName: 'Okta',
          updated: false,
          clientSecretChanged: true,
        },
      },
    ]);
    expect(JSON.stringify(events)).not.toContain(provider.clientSecretSealed);
  });

  it('replaces the provider in place on an update', async () => {
    const provider = await aProvider();
    await save(provider);
    const changed: StoredOidcProvider = {
      ...provider,
      displayName: 'Keycloak',
      issuer: 'https://sso.example.org/realms/acme',
      clientId: 'client-2',
      updatedAt: new Date('2026-06-07T08:09:10.011Z'),
    };
    await save(changed, true, false);

    expect(await store.find(provider.organizationId)).toEqual(changed);
    const [row] = (await dataSource.query(
      `SELECT COUNT(*) AS n FROM oidc_providers WHERE organization_id = ${
        dataSource.options.type === 'postgres' ? '$1' : '?'
      }`,
      [provider.organizationId],
    )) as { n: number | string }[];
    expect(Number(row?.n)).toBe(1);
    expect((await storedEvents(dataSource, provider.organizationId)).at(-1)?.data).toEqual({
      provider: 'oidc',
      issuer: 'https://sso.example.org/realms/acme',
      clientId: 'client-2',
      displayName: 'Keycloak',
      updated: true,
      clientSecretChanged: false,
    });
  });

  it('refuses a second provider for one organization (the unique index)', async () => {
    const provider = await aProvider();
    await save(provider);
    await expect(save({ ...provider, id: randomUUID() })).rejects.toThrow();
    expect((await store.find(provider.organizationId))?.id).toBe(provider.id);
    expect(await storedEvents(dataSource, provider.organizationId)).toHaveLength(1);
  });

  it('leaves neither the provider nor its event when the transaction rolls back', async () => {
    const provider = await aProvider();
    await expect(
      transactions.run(async (tx) => {
        await store.save(tx, provider, { updated: false, clientSecretChanged: true, actor: 'x' });
        expect(await store.find(provider.organizationId, tx)).toEqual(provider);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await store.find(provider.organizationId)).toBeNull();
    expect(await storedEvents(dataSource, provider.organizationId)).toEqual([]);
  });

  it('deletes with an sso.disconnected event, and says when there was nothing to delete', async () => {
    const provider = await aProvider();
    const { organizationId } = provider;
    await expect(
      transactions.run((tx) => store.delete(tx, organizationId, 'admin:a@example.com')),
    ).resolves.toBe(false);
    expect(await storedEvents(dataSource, organizationId)).toEqual([]);

    await save(provider);
    await expect(
      transactions.run((tx) => store.delete(tx, organizationId, 'admin:a@example.com')),
    ).resolves.toBe(true);
    expect(await store.find(organizationId)).toBeNull();
    expect((await storedEvents(dataSource, organizationId)).at(-1)).toEqual({
      type: 'sso.disconnected',
      actor: 'admin:a@example.com',
      subject: { type: 'sso_provider', id: 'oidc' },
      data: { provider: 'oidc' },
    });
  });

  it('lists every sealed client secret and replaces one without touching the others', async () => {
    const first = await aProvider({ clientSecretSealed: 'sealed:first' });
    const second = await aProvider({ clientSecretSealed: 'sealed:second' });
    await save(first);
    await save(second);

    const sealed = await transactions.run((tx) => store.sealedClientSecrets(tx));
    expect(sealed).toEqual(
      expect.arrayContaining([
        { id: first.id, clientSecretSealed: 'sealed:first' },
        { id: second.id, clientSecretSealed: 'sealed:second' },
      ]),
    );
    await transactions.run((tx) => store.replaceSealedClientSecret(tx, first.id, 'sealed:new'));
    expect(await store.find(first.organizationId)).toEqual({
      ...first,
      clientSecretSealed: 'sealed:new',
    });
    expect(await store.find(second.organizationId)).toEqual(second);
  });
});
