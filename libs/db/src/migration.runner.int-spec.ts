import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createFreshDatabase, onPostgres, type FreshDatabase } from './testing/fresh-database';
import { buildDataSourceOptions } from './database.options';
import { dialectOf } from './dialect';
import { runMigrations } from './migration.runner';
import { migrations } from './migrations';

// Every migration is written once for both dialects: it must apply to an empty database,
// be recorded so a restart does nothing, and revert cleanly to nothing.

const MIGRATIONS_TABLE = 'schema_migrations';
const migrationNames = migrations.map((m) => new m().name ?? m.name);

async function tableNames(dataSource: DataSource): Promise<string[]> {
  const rows =
    dialectOf(dataSource) === 'postgres'
      ? await dataSource.query<{ name: string }[]>(
          `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'`,
        )
      : await dataSource.query<{ name: string }[]>(
          `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`,
        );
  return rows.map((r) => r.name).sort();
}

/** Indexes the migrations created (not primary keys, not TypeORM's own table's). */
async function indexNames(dataSource: DataSource): Promise<string[]> {
  const rows =
    dialectOf(dataSource) === 'postgres'
      ? await dataSource.query<{ name: string }[]>(
          `SELECT indexname AS name FROM pg_indexes WHERE schemaname = 'public' AND indexname NOT LIKE '%_pkey' AND tablename <> '${MIGRATIONS_TABLE}'`,
        )
      : await dataSource.query<{ name: string }[]>(
          `SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%' AND tbl_name <> '${MIGRATIONS_TABLE}'`,
        );
  return rows.map((r) => r.name).sort();
}

async function appliedMigrations(dataSource: DataSource): Promise<string[]> {
  const rows = await dataSource
    .createQueryBuilder()
    .select('m.name', 'name')
    .from(MIGRATIONS_TABLE, 'm')
    .orderBy('m.timestamp', 'ASC')
    .getRawMany<{ name: string }>();
  return rows.map((r) => r.name);
}

describe('runMigrations', () => {
  let database: FreshDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createFreshDatabase();
    dataSource = await new DataSource(buildDataSourceOptions(database.config)).initialize();
  });

  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('applies every migration, oldest first, to an empty database', async () => {
    expect(await tableNames(dataSource)).toEqual([]);

    expect(await runMigrations(dataSource)).toEqual(migrationNames);

    const tables = await tableNames(dataSource);
    expect(tables).toEqual(
      expect.arrayContaining([
        MIGRATIONS_TABLE,
        'organizations',
        'organization_admins',
        'scim_tokens',
        'users',
      ]),
    );
    expect(await indexNames(dataSource)).toEqual(
      expect.arrayContaining([
        'ux_organizations_slug',
        'ux_scim_tokens_hash',
        'ux_users_org_user_name',
      ]),
    );
    expect(await appliedMigrations(dataSource)).toEqual(migrationNames);
  });

  it('does nothing when run again', async () => {
    const tables = await tableNames(dataSource);
    expect(await runMigrations(dataSource)).toEqual([]);
    expect(await tableNames(dataSource)).toEqual(tables);
    expect(await appliedMigrations(dataSource)).toEqual(migrationNames);
  });

  it('reverts every migration, with data in the tables, to an empty schema', async () => {
    const now = '2025-01-01 00:00:00';
    await dataSource
      .createQueryBuilder()
      .insert()
      .into('organizations')
      .values({ id: 'org-1', name: 'Acme', slug: 'acme', created_at: now, updated_at: now })
      .execute();
    await dataSource
      .createQueryBuilder()
      .insert()
      .into('scim_tokens')
      .values({
        id: 'token-1',
        organization_id: 'org-1',
        token_hash: 'a'.repeat(64),
        prefix: 'rcs_abcdefgh',
        created_at: now,
      })
      .execute();

    for (let left = migrations.length; left > 0; left -= 1) {
      await dataSource.undoLastMigration({ transaction: 'all' });
      expect(await appliedMigrations(dataSource)).toEqual(migrationNames.slice(0, left - 1));
    }

    expect(await tableNames(dataSource)).toEqual([MIGRATIONS_TABLE]);
    expect(await indexNames(dataSource)).toEqual([]);
  });

  it('applies again after a full revert', async () => {
    expect(await runMigrations(dataSource)).toEqual(migrationNames);
    expect(await tableNames(dataSource)).toContain('scim_tokens');
  });
});

// Advisory locks exist on PostgreSQL only; SQLite writers already take turns.
if (onPostgres()) {
  describe('runMigrations on PostgreSQL replicas starting together', () => {
    it('migrates once: one replica applies everything, the others find nothing to do', async () => {
      const database = await createFreshDatabase();
      const replicas = await Promise.all(
        [1, 2, 3].map(() => new DataSource(buildDataSourceOptions(database.config)).initialize()),
      );
      try {
        const ran = await Promise.all(replicas.map((replica) => runMigrations(replica)));
        expect(ran.map((names) => names.length).sort((a, b) => a - b)).toEqual([
          0,
          0,
          migrationNames.length,
        ]);
        expect(await appliedMigrations(replicas[0] as DataSource)).toEqual(migrationNames);
      } finally {
        await Promise.all(replicas.map((replica) => replica.destroy()));
        await database.drop();
      }
    });

    it('waits for another replica past the request timeouts, then leaves them in force', async () => {
      const database = await createFreshDatabase();
      if (database.config.dialect !== 'postgres') throw new Error('PostgreSQL only');
      // One connection, so the one that migrated is the one asked afterwards.
      const config = {
        ...database.config,
        poolSize: 1,
        statementTimeoutMs: 300,
        lockTimeoutMs: 200,
      };
      const other = new Client({ connectionString: config.url });
      await other.connect();
      const replica = await new DataSource(buildDataSourceOptions(config)).initialize();
      try {
        // Another replica is migrating: it holds the lock for longer than both timeouts.
        await other.query('SELECT pg_advisory_lock(72461001)');
        const migrating = runMigrations(replica);
        await new Promise((resolve) => setTimeout(resolve, 1000));
        await other.query('SELECT pg_advisory_unlock(72461001)');
        expect(await migrating).toEqual(migrationNames);
        const [statement] =
          await replica.query<{ statement_timeout: string }[]>('SHOW statement_timeout');
        const [lock] = await replica.query<{ lock_timeout: string }[]>('SHOW lock_timeout');
        expect([statement?.statement_timeout, lock?.lock_timeout]).toEqual(['300ms', '200ms']);
      } finally {
        await other.end();
        await replica.destroy();
        await database.drop();
      }
    });
  });
}
