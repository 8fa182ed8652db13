import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

/**
 * A fresh, empty database per run, so N is the only thing in it:
 * sqlite → a new temp DATA_DIR; postgres → CREATE DATABASE rollcall_bench_<random>.
 * Returns the env the api and CLI need and registers its own removal on `cleanup`.
 */
export async function prepareDatabase({ db, pgUrl, keep }, cleanup) {
  return db === 'postgres' ? preparePostgres(pgUrl, keep, cleanup) : prepareSqlite(keep, cleanup);
}

function prepareSqlite(keep, cleanup) {
  const dataDir = mkdtempSync(join(tmpdir(), 'rollcall-bench-'));
  const remove = () => rmSync(dataDir, { recursive: true, force: true });
  if (keep) {
    cleanup.add('report kept DATA_DIR', async () =>
      process.stderr.write(`kept DATA_DIR=${dataDir}\n`),
    );
  } else {
    cleanup.add(`remove ${dataDir}`, async () => remove(), remove);
  }
  return {
    dialect: 'sqlite',
    describe: `sqlite (${dataDir})`,
    env: { DATA_DIR: dataDir },
    dataDir,
  };
}

async function preparePostgres(adminUrl, keep, cleanup) {
  // Name is generated here (lowercase hex only), so interpolating it into DDL is safe.
  const name = `rollcall_bench_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl.href });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const databaseUrl = new URL(adminUrl.href);
  databaseUrl.pathname = `/${name}`;
  if (keep) {
    cleanup.add('report kept database', async () =>
      process.stderr.write(`kept DATABASE_URL=${databaseUrl.href}\n`),
    );
  } else {
    cleanup.add(
      `DROP DATABASE ${name}`,
      () => dropDatabase(adminUrl, name),
      () => dropDatabaseSync(adminUrl, name),
    );
  }
  // A temp DATA_DIR too, so the api never touches the workspace's ./data; it holds api.log.
  const { dataDir } = prepareSqlite(keep, cleanup);
  return {
    dialect: 'postgres',
    describe: `postgres (${name})`,
    env: {
      DATABASE_URL: databaseUrl.href,
      DATA_DIR: dataDir,
      ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    },
    databaseName: name,
  };
}

async function dropDatabase(adminUrl, name) {
  const admin = new pg.Client({ connectionString: adminUrl.href });
  await admin.connect();
  try {
    // WITH (FORCE) (PostgreSQL 13+) ends connections a killed api may have left behind.
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

/** For the process 'exit' hook, where nothing async can run: a child node does the drop. */
function dropDatabaseSync(adminUrl, name) {
  const script = `
    const pg = require('pg');
    const c = new pg.Client({ connectionString: process.argv[1] });
    c.connect().then(() => c.query('DROP DATABASE IF EXISTS ${name} WITH (FORCE)')).finally(() => c.end());
  `;
  const workspaceRoot = fileURLToPath(new URL('../..', import.meta.url));
  spawnSync(process.execPath, ['-e', script, adminUrl.href], {
    cwd: workspaceRoot, // so require('pg') resolves from the workspace's node_modules
    stdio: 'ignore',
    timeout: 15_000,
  });
}
