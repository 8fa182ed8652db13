import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions, runMigrations, Transactions } from '@rollcall/db';
import { createFreshDatabase, insertOrganization, type FreshDatabase } from '@rollcall/db/testing';
import { DEFAULT_SSO_POLICY, type StoredSsoPolicy } from '../domain/sso-policy';
import { EntraConnectionEntity } from './entra-connection.entity';
import { EntraConnectionStore } from './entra-connection.store';
import { OidcProviderEntity } from './oidc-provider.entity';
import { OidcProviderStore } from './oidc-provider.store';
import { SamlConnectionEntity } from './saml-connection.entity';
import { SamlConnectionStore } from './saml-connection.store';
import { SsoPolicyEntity } from './sso-policy.entity';
import { SsoPolicyStore } from './sso-policy.store';
import { insertAdmin, storedEvents } from './testing/sso-tables.fixture';

// The sso_policies table through its store, on SQLite and (TEST_DB=postgres) PostgreSQL:
// the defaults without a row, every field read back as written, its event in the same
// transaction, and Require SSO released only once no provider is left.

let database: FreshDatabase;
let dataSource: DataSource;
let transactions: Transactions;
let store: SsoPolicyStore;

const REQUIRED: StoredSsoPolicy = {
  requireSso: true,
  jitProvisioning: null,
  jitDomains: [],
  externalIdIsObjectId: false,
  requireTwoFactor: false,
};

const write = (organizationId: string, policy: StoredSsoPolicy) =>
  transactions.run((tx) => store.write(tx, organizationId, policy, 'admin:a@example.com'));

async function connectMicrosoft(organizationId: string): Promise<void> {
  const connectedBy = await insertAdmin(dataSource, organizationId);
  await transactions.run((tx) =>
    new EntraConnectionStore(dataSource).connect(tx, {
      organizationId,
      tenantId: randomUUID(),
      connectedBy,
      connectedAt: new Date(),
    }),
  );
}

async function saveSamlConnection(organizationId: string): Promise<void> {
  const now = new Date();
  await transactions.run((tx) =>
    new SamlConnectionStore(dataSource).save(
      tx,
      {
        id: randomUUID(),
        organizationId,
        source: 'manual',
        metadataUrl: null,
        idpEntityId: 'https://sts.windows.net/tenant/',
        ssoUrl: 'https://login.example.com/saml2',
        certificates: [],
        allowSha1: false,
        metadataRefreshedAt: null,
        metadataRefreshError: null,
        updatedByAdminId: null,
        updatedByEmail: 'a@example.com',
        createdAt: now,
        updatedAt: now,
      },
      { updated: false, actor: 'admin:a@example.com' },
    ),
  );
}

async function saveOidcProvider(organizationId: string): Promise<void> {
  const now = new Date();
  await transactions.run((tx) =>
    new OidcProviderStore(dataSource).save(
      tx,
      {
        id: randomUUID(),
        organizationId,
        displayName: 'Okta',
        issuer: 'https://idp.example.com',
        clientId: 'client',
        clientSecretSealed: 'sealed',
        updatedByAdminId: null,
        updatedByEmail: 'a@example.com',
        createdAt: now,
        updatedAt: now,
      },
      { updated: false, clientSecretChanged: true, actor: 'admin:a@example.com' },
    ),
  );
}

beforeAll(async () => {
  database = await createFreshDatabase();
  dataSource = await new DataSource(
    buildDataSourceOptions(database.config, {
      entities: [SsoPolicyEntity, EntraConnectionEntity, OidcProviderEntity, SamlConnectionEntity],
    }),
  ).initialize();
  await runMigrations(dataSource);
  transactions = new Transactions(dataSource);
  store = new SsoPolicyStore(dataSource);
});

afterAll(async () => {
  await dataSource?.destroy();
  await database?.drop();
});

describe('SsoPolicyStore', () => {
  it('reads the defaults for an organization without a row', async () => {
    const organizationId = await insertOrganization(dataSource);
    expect(await store.read(organizationId)).toEqual(DEFAULT_SSO_POLICY);
    expect(await store.hasProvider(organizationId)).toBe(false);
  });

  it('reads every field back as written, with its sso.policy_updated event', async () => {
    const organizationId = await insertOrganization(dataSource);
    const policy: StoredSsoPolicy = {
      requireSso: true,
      jitProvisioning: false,
      jitDomains: ['example.com', 'example.org'],
      externalIdIsObjectId: true,
      requireTwoFactor: true,
    };
    await write(organizationId, policy);
    expect(await store.read(organizationId)).toEqual(policy);

    const changed: StoredSsoPolicy = {
      requireSso: false,
      jitProvisioning: null,
      jitDomains: [],
      externalIdIsObjectId: false,
      requireTwoFactor: false,
    };
    await write(organizationId, changed);
    expect(await store.read(organizationId)).toEqual(changed);
    expect(await storedEvents(dataSource, organizationId)).toEqual([
      {
        type: 'sso.policy_updated',
        actor: 'admin:a@example.com',
        subject: { type: 'organization', id: organizationId },
        data: { policy },
      },
      {
        type: 'sso.policy_updated',
        actor: 'admin:a@example.com',
        subject: { type: 'organization', id: organizationId },
        data: { policy: changed },
      },
    ]);
  });

  it('leaves neither the policy nor its event when the transaction rolls back', async () => {
    const organizationId = await insertOrganization(dataSource);
    await expect(
      transactions.run(async (tx) => {
        await store.write(tx, organizationId, REQUIRED, 'admin:a@example.com');
        expect((await store.read(organizationId, tx)).requireSso).toBe(true);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await store.read(organizationId)).toEqual(DEFAULT_SSO_POLICY);
    expect(await storedEvents(dataSource, organizationId)).toEqual([]);
  });

  it('sees a connected Microsoft tenant, a custom OIDC or a SAML provider of the organization only', async () => {
    const microsoft = await insertOrganization(dataSource);
    const oidc = await insertOrganization(dataSource);
    const saml = await insertOrganization(dataSource);
    await connectMicrosoft(microsoft);
    await saveOidcProvider(oidc);
    await saveSamlConnection(saml);
    expect(await store.hasProvider(microsoft)).toBe(true);
    expect(await store.hasProvider(oidc)).toBe(true);
    expect(await store.hasProvider(saml)).toBe(true);
    expect(await store.hasProvider(await insertOrganization(dataSource))).toBe(false);
  });

  it('turns Require SSO off once no provider is left, and only then, without an event', async () => {
    const organizationId = await insertOrganization(dataSource);
    await saveOidcProvider(organizationId);
    await saveSamlConnection(organizationId);
    await write(organizationId, { ...REQUIRED, jitDomains: ['example.com'] });
    const events = (await storedEvents(dataSource, organizationId)).length;

    await transactions.run((tx) => store.releaseWithoutProvider(tx, organizationId));
    expect((await store.read(organizationId)).requireSso).toBe(true);

    await dataSource.getRepository(OidcProviderEntity).delete({ organizationId });
    await transactions.run((tx) => store.releaseWithoutProvider(tx, organizationId));
    expect((await store.read(organizationId)).requireSso).toBe(true);

    await dataSource.getRepository(SamlConnectionEntity).delete({ organizationId });
    await transactions.run((tx) => store.releaseWithoutProvider(tx, organizationId));
    expect(await store.read(organizationId)).toEqual({
      ...REQUIRED,
      requireSso: false,
      jitDomains: ['example.com'],
    });
    expect(await storedEvents(dataSource, organizationId)).toHaveLength(events);
  });
});
