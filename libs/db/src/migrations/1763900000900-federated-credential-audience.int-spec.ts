import { DataSource, type QueryRunner } from 'typeorm';
import { buildDataSourceOptions } from '../database.options';
import { dialectOf } from '../dialect';
import { runMigrations } from '../migration.runner';
import { createFreshDatabase, type FreshDatabase } from '../testing/fresh-database';
import { FederatedCredentialAudience1763900000900 } from './1763900000900-federated-credential-audience';

// Upgrading keeps every existing credential (and the audience Entra already sends) and lets
// another organization trust the same issuer and subject; one organization still trusts a
// live pair once.

const ORG_A = '00000000-0000-4000-8000-00000000000a';
const ORG_B = '00000000-0000-4000-8000-00000000000b';
const ISSUER = 'https://login.microsoftonline.com/8eaef023-2b34-4da1-9baa-8bc8c9d6a490/v2.0';
const SUBJECT = '6f1c1b1e-0000-4000-8000-00000000a11c';

describe('FederatedCredentialAudience1763900000900', () => {
  let database: FreshDatabase;
  let dataSource: DataSource;
  let postgres: boolean;
  let runner: QueryRunner;
  const p = (n: number) => (postgres ? `$${n}` : '?');

  function insertCredential(
    id: string,
    organizationId: string,
    audience: string,
    revoked = false,
  ): Promise<unknown> {
    const now = new Date().toISOString();
    return dataSource.query(
      `INSERT INTO scim_federated_credentials
         (id, organization_id, name, issuer, subject, audience, access_token_lifetime_minutes, created_at, revoked_at)
       VALUES (${p(1)}, ${p(2)}, 'Entra', ${p(3)}, ${p(4)}, ${p(5)}, 60, ${p(6)}, ${p(7)})`,
      [id, organizationId, ISSUER, SUBJECT, audience, now, revoked ? now : null],
    );
  }

  beforeAll(async () => {
    database = await createFreshDatabase();
    dataSource = await new DataSource(buildDataSourceOptions(database.config)).initialize();
    await runMigrations(dataSource);
    postgres = dialectOf(dataSource) === 'postgres';
    const now = new Date().toISOString();
    for (const [id, slug] of [
      [ORG_A, 'org-a'],
      [ORG_B, 'org-b'],
    ] as const) {
      await dataSource.query(
        `INSERT INTO organizations (id, name, slug, created_at, updated_at) VALUES (${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)})`,
        [id, slug, slug, now, now],
      );
    }
    runner = dataSource.createQueryRunner();
    // Back to the schema before it, with a credential made then; then upgrade.
    await new FederatedCredentialAudience1763900000900().down(runner);
    await insertCredential('legacy-a', ORG_A, 'https://rollcall.example.com/oauth/token');
    await expect(insertCredential('squat-b', ORG_B, 'anything')).rejects.toThrow();
    await new FederatedCredentialAudience1763900000900().up(runner);
  });

  afterAll(async () => {
    await runner?.release();
    await dataSource?.destroy();
    await database?.drop();
  });

  it('keeps an existing credential and the audience Entra was given', async () => {
    const rows = (await dataSource.query(
      `SELECT id, audience FROM scim_federated_credentials WHERE organization_id = ${p(1)}`,
      [ORG_A],
    )) as { id: string; audience: string }[];
    expect(rows).toEqual([
      { id: 'legacy-a', audience: 'https://rollcall.example.com/oauth/token' },
    ]);
  });

  it('lets another organization trust the same issuer and subject', async () => {
    await insertCredential('own-b', ORG_B, 'api://b');
    const [row] = (await dataSource.query(
      `SELECT COUNT(*) AS n FROM scim_federated_credentials WHERE issuer = ${p(1)} AND subject = ${p(2)}`,
      [ISSUER, SUBJECT],
    )) as { n: string | number }[];
    expect(Number(row?.n)).toBe(2);
  });

  it('still trusts a live pair once per organization, revoked ones aside', async () => {
    await expect(insertCredential('again-a', ORG_A, 'api://again')).rejects.toThrow();
    await insertCredential('revoked-a', ORG_A, 'api://old', true);
  });
});
