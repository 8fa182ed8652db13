import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const WORKSPACE = resolve(__dirname, '../../../..');
const API_MAIN = join(WORKSPACE, 'dist/apps/api/src/main.js');
const API_CLI = join(WORKSPACE, 'dist/apps/api/src/cli.js');

export interface CreatedOrganization {
  orgId: string;
  scimBaseUrl: string;
  scimToken: string;
  adminEmail: string;
  adminPassword: string;
}

export interface RollcallServer {
  baseUrl: string;
  port: number;
  org: CreatedOrganization;
  /** What the server printed, for a failing test's message. */
  output: () => string;
  stop: () => Promise<void>;
}

const POSTGRES_ADMIN_URL =
  process.env['TEST_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

interface ServerDatabase {
  env: Record<string, string>;
  drop: () => Promise<void>;
}

async function onPostgres(sql: string): Promise<void> {
  // Loaded only for TEST_DB=postgres: the default SQLite run needs no driver.
  const { Client } = await import('pg');
  const client = new Client({ connectionString: POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * A fresh PostgreSQL database when TEST_DB=postgres (the switch of the HTTP e2e suites, whose
 * helper this mirrors: it lives outside this project and needs `pg` from node_modules).
 */
async function serverDatabase(): Promise<ServerDatabase | null> {
  if (process.env['TEST_DB'] !== 'postgres') return null;
  const name = `rollcall_admin_e2e_${Date.now()}_${randomBytes(4).toString('hex')}`;
  await onPostgres(`CREATE DATABASE ${name}`);
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    env: {
      DATABASE_URL: url.toString(),
      DATABASE_POOL_SIZE: '5',
      // The CLI and the server open the same database: one key for both.
      ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    },
    drop: () => onPostgres(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolvePort(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

async function waitForHealth(baseUrl: string, child: ChildProcess, output: () => string) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`the API exited with ${child.exitCode}:\n${output()}`);
    }
    try {
      const response = await fetch(`${baseUrl}/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((wait) => setTimeout(wait, 150));
  }
  throw new Error(`the API did not become healthy in 30 s:\n${output()}`);
}

/**
 * The built API (`dist/apps/api`, serving the built dashboard) as a child process on a free
 * port with a fresh SQLite DATA_DIR (or a fresh PostgreSQL database with TEST_DB=postgres),
 * and one organization made with the CLI, as an operator would. The CLI runs first: a
 * database with an organization gets no demo organization.
 */
export async function startRollcall(
  name = 'Acme',
  extraEnv: Record<string, string> = {},
  /** The host name the server is reached by (the browser maps it to loopback); default 127.0.0.1. */
  publicHost = '127.0.0.1',
): Promise<RollcallServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'rollcall-admin-e2e-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(port),
    PUBLIC_URL: `http://${publicHost}:${port}`,
    LOG_LEVEL: 'warn',
    // Never a developer's .env in the checkout.
    ENV_FILE: '',
    // The browser suites' identity providers listen on loopback.
    ALLOW_PRIVATE_NETWORK: 'true',
    // One process: the browser suites test the dashboard, not the cluster, and the machine
    // runs several suites at once.
    WEB_CONCURRENCY: '1',
    BACKGROUND_JOBS: 'true',
  };
  delete env['DATABASE_URL'];
  delete env['REDIS_URL'];
  const database = await serverDatabase();
  if (database) Object.assign(env, database.env);
  // No Entra app: the dashboard shows Microsoft sign-in as not configured.
  delete env['ENTRA_CLIENT_ID'];
  delete env['ENTRA_CLIENT_SECRET'];
  // A test that brings its own Entra emulator passes ENTRA_* here.
  Object.assign(env, extraEnv);

  const created = await run(
    process.execPath,
    [
      API_CLI,
      'org:create',
      name,
      '--admin-email',
      'it@acme.example',
      '--admin-password',
      'correct horse battery staple',
      '--json',
    ],
    { env, cwd: WORKSPACE },
  );
  const lastLine = created.stdout.trim().split('\n').pop() ?? '';
  const org = JSON.parse(lastLine) as CreatedOrganization;

  const child = spawn(process.execPath, [API_MAIN], {
    env,
    cwd: WORKSPACE,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const output = () => log.slice(-4000);
  await waitForHealth(baseUrl, child, output);

  return {
    baseUrl,
    port,
    org,
    output,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((done) => child.once('exit', done));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((done) => setTimeout(done, 5000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      await rm(dataDir, { recursive: true, force: true });
      await database?.drop();
    },
  };
}
