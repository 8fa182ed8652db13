import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  buildDataSourceOptions,
  isUniqueViolation,
  runMigrations,
  Transactions,
} from '@rollcall/db';
import { createFreshDatabase, insertOrganization, type FreshDatabase } from '@rollcall/db/testing';
import { EntraConnectionEntity } from './entra-connection.entity';
import { EntraConnectionStore } from './entra-connection.store';
import { insertAdmin, storedEvents } from './testing/sso-tables.fixture';

// The entra_connections table through its store, on SQLite and (TEST_DB=postgres) PostgreSQL:
// one tenant per organization and one organization per tenant, and every change committed
// with its event or not at all.

let database: FreshDatabase;
let dataSource: DataSource;
let transactions: Transactions;
let store: EntraConnectionStore;
let postgres: boolean;
const p = (n: number) => (postgres ? `$${n}` : '?');

async function connect(organizationId: string, tenantId: string, connectedAt = new Date()) {
  const connectedBy = await insertAdmin(dataSource, organizationId);
  await transactions.run((tx) =>
    store.connect(tx, { organizationId, tenantId, connectedBy, connectedAt }),
  );
  return connectedBy;
}

beforeAll(async () => {
  database = await createFreshDatabase();
  dataSource = await new DataSource(
    buildDataSourceOptions(database.config, { entities: [EntraConnectionEntity] }),
  ).initialize();
  await runMigrations(dataSource);
  postgres = dataSource.options.type === 'postgres';
  transactions = new Transactions(dataSource);
  store = new EntraConnectionStore(dataSource);
});

afterAll(async () => {
  await dataSource?.destroy();
  await database?.drop();
});

describe('EntraConnectionStore', () => {
  it('records the tenant with who connected it and when, and its sso.connected event', async () => {
    const organizationId = await insertOrganization(dataSource);
    const tenantId = randomUUID();
    const connectedAt = new Date('2026-03-04T05:06:07.089Z');
    const admin = await connect(organizationId, tenantId, connectedAt);

    const expected = { organizationId, tenantId, connectedByEmail: admin.email, connectedAt };
    expect(await store.find(organizationId)).toEqual(expected);
    expect(await store.findByTenant(tenantId)).toEqual(expected);
    const [row] = (await dataSource.query(
      `SELECT connected_by_admin_id FROM entra_connections WHERE organization_id = ${p(1)}`,
      [organizationId],
    )) as { connected_by_admin_id: string }[];
    expect(row?.connected_by_admin_id).toBe(admin.id);
    expect(await storedEvents(dataSource, organizationId)).toEqual([
      {
        type: 'sso.connected',
        actor: `admin:${admin.email}`,
        subject: { type: 'sso_provider', id: 'microsoft' },
        data: { provider: 'microsoft', tenantId },
      },
    ]);
    expect(await store.find(await insertOrganization(dataSource))).toBeNull();
    expect(await store.findByTenant(randomUUID())).toBeNull();
  });

  it('replaces the tenant an organization had when it connects another', async () => {
    const organizationId = await insertOrganization(dataSource);
    const first = randomUUID();
    const second = randomUUID();
    await connect(organizationId, first);
    await connect(organizationId, second);
    expect((await store.find(organizationId))?.tenantId).toBe(second);
    expect(await store.findByTenant(first)).toBeNull();
    expect((await storedEvents(dataSource, organizationId)).map((event) => event.data)).toEqual([
      { provider: 'microsoft', tenantId: first },
      { provider: 'microsoft', tenantId: second },
    ]);
  });

  it('refuses a tenant another organization holds on the unique index, leaving no event', async () => {
    const holder = await insertOrganization(dataSource);
    const other = await insertOrganization(dataSource);
    const tenantId = randomUUID();
    await connect(holder, tenantId);
    const error: unknown = await connect(other, tenantId).catch((e: unknown) => e);
    expect(isUniqueViolation(error)).toBe(true);
    expect(await store.find(other)).toBeNull();
    expect((await store.findByTenant(tenantId))?.organizationId).toBe(holder);
    expect(await storedEvents(dataSource, other)).toEqual([]);
  });

  it('leaves neither the connection nor its event when the transaction rolls back', async () => {
    const organizationId = await insertOrganization(dataSource);
    const connectedBy = await insertAdmin(dataSource, organizationId);
    await expect(
      transactions.run(async (tx) => {
        await store.connect(tx, {
          organizationId,
          tenantId: randomUUID(),
          connectedBy,
          connectedAt: new Date(),
        });
        expect(await store.find(organizationId, tx)).not.toBeNull();
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await store.find(organizationId)).toBeNull();
    expect(await storedEvents(dataSource, organizationId)).toEqual([]);
  });

  it('disconnects with an sso.disconnected event, and says when there was nothing to remove', async () => {
    const organizationId = await insertOrganization(dataSource);
    await expect(
      transactions.run((tx) => store.disconnect(tx, organizationId, 'admin:a@example.com')),
    ).resolves.toBe(false);
    expect(await storedEvents(dataSource, organizationId)).toEqual([]);

    await connect(organizationId, randomUUID());
    await expect(
      transactions.run((tx) => store.disconnect(tx, organizationId, 'admin:a@example.com')),
    ).resolves.toBe(true);
    expect(await store.find(organizationId)).toBeNull();
    expect((await storedEvents(dataSource, organizationId)).at(-1)).toEqual({
      type: 'sso.disconnected',
      actor: 'admin:a@example.com',
      subject: { type: 'sso_provider', id: 'microsoft' },
      data: { provider: 'microsoft' },
    });
  });

  it('releases a tenant whichever organization holds it, saying so in the event', async () => {
    const organizationId = await insertOrganization(dataSource);
    const tenantId = randomUUID();
    await connect(organizationId, tenantId);
    await expect(transactions.run((tx) => store.release(tx, randomUUID()))).resolves.toBeNull();

    const released = await transactions.run((tx) => store.release(tx, tenantId));
    expect(released).toMatchObject({ organizationId, tenantId });
    expect(await store.findByTenant(tenantId)).toBeNull();
    expect((await storedEvents(dataSource, organizationId)).at(-1)).toEqual({
      type: 'sso.disconnected',
      actor: 'cli',
      subject: { type: 'sso_provider', id: 'microsoft' },
      data: { provider: 'microsoft', tenantId, releasedByOperator: true },
    });
  });
});
