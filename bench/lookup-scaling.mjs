#!/usr/bin/env node
// Entra's matching look-ups as the directory grows: `filter=userName eq` and `externalId eq`
// against organizations of 1k, 10k and 100k users. The users are seeded straight into the
// database (the same rows POST /Users writes), so a 100k run takes seconds, and the look-ups
// are then timed one at a time (concurrency 1: the server's own latency, no queueing) and
// with Entra-like concurrency. Measures and prints; it never asserts on time.
//
//   node bench/lookup-scaling.mjs --db sqlite|postgres [--sizes 1000,100000] [--lookups 500]
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { ApiProcess, apiEnv, createOrganization } from './lib/api-process.mjs';
import { ensureApiBuilt } from './lib/build.mjs';
import { Cleanup, installSignalHandlers } from './lib/cleanup.mjs';
import { prepareDatabase } from './lib/database.mjs';
import { eqFilter } from './lib/entra-requests.mjs';
import { runPool } from './lib/pool.mjs';
import { summarizeLatencies } from './lib/recorder.mjs';

const workspaceRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const DOMAIN = 'scale.rollcall.test';

function option(name, fallback) {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : fallback;
}

const db = option('db');
const sizes = option('sizes', '1000,100000').split(',').map(Number);
const lookups = Number(option('lookups', '500'));
const port = Number(option('port', '3250'));
if (
  !['sqlite', 'postgres'].includes(db) ||
  sizes.some((n) => !Number.isInteger(n) || n < 1 || n > 1_000_000) ||
  !Number.isInteger(lookups) ||
  lookups < 1
) {
  process.stderr.write(
    'Usage: node bench/lookup-scaling.mjs --db sqlite|postgres [--sizes 1000,100000] [--lookups 500] [--port 3250]\n',
  );
  process.exit(2);
}

/** The columns POST /Users writes for an Entra-shaped user (see libs/directory). */
function userRow(organizationId, i, now) {
  const userName = `user${i}@${DOMAIN}`;
  const resource = {
    externalId: `ext-${i}`,
    userName,
    active: true,
    displayName: `User ${i}`,
    name: { givenName: `Given${i}`, familyName: `Family${i}` },
    emails: [{ primary: true, type: 'work', value: userName }],
  };
  return [
    randomUUID(),
    organizationId,
    userName,
    userName,
    `ext-${i}`,
    `User ${i}`,
    `Given${i}`,
    `Family${i}`,
    userName,
    userName,
    JSON.stringify(resource),
    now,
    now,
  ];
}

const COLUMNS =
  'id, organization_id, user_name, user_name_normalized, external_id, display_name, given_name, family_name, email, email_normalized, resource, created_at, updated_at, active, source, version';

async function seed(database, organizationId, count) {
  const batch = 1000;
  if (database.dialect === 'sqlite') {
    const sqlite = new Database(join(database.dataDir, 'rollcall.sqlite'));
    sqlite.pragma('busy_timeout = 10000');
    const now = new Date().toISOString().replace('T', ' ').replace('Z', '');
    const insert = sqlite.prepare(
      `INSERT INTO users (${COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,1,'scim',1)`,
    );
    const insertMany = sqlite.transaction((from, to) => {
      for (let i = from; i < to; i += 1) insert.run(...userRow(organizationId, i, now));
    });
    for (let from = 0; from < count; from += batch) insertMany(from, Math.min(count, from + batch));
    sqlite.close();
    return;
  }
  const client = new pg.Client({ connectionString: database.env.DATABASE_URL });
  await client.connect();
  const now = new Date();
  for (let from = 0; from < count; from += batch) {
    const rows = [];
    const values = [];
    for (let i = from; i < Math.min(count, from + batch); i += 1) {
      const row = userRow(organizationId, i, now);
      rows.push(`(${row.map((_, k) => `$${values.length + k + 1}`).join(',')}, true, 'scim', 1)`);
      values.push(...row);
    }
    await client.query(`INSERT INTO users (${COLUMNS}) VALUES ${rows.join(',')}`, values);
  }
  // What autovacuum would do soon after a bulk load; the planner then knows the sizes.
  await client.query('ANALYZE users');
  await client.end();
}

async function timeLookups(baseUrl, token, count, attribute, concurrency) {
  const picks = Array.from({ length: lookups }, () => Math.floor(Math.random() * count));
  const latencies = [];
  let errors = 0;
  const started = performance.now();
  await runPool(picks, concurrency, async (i) => {
    const value = attribute === 'userName' ? `user${i}@${DOMAIN}` : `ext-${i}`;
    const t = performance.now();
    const response = await fetch(`${baseUrl}/scim/v2/Users?${eqFilter(attribute, value)}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    const body = await response.json();
    latencies.push(performance.now() - t);
    if (response.status !== 200 || body.totalResults !== 1) errors += 1;
  });
  const seconds = (performance.now() - started) / 1000;
  return { ...summarizeLatencies(latencies), reqPerSec: lookups / seconds, errors };
}

const fmt = (v) => (v >= 100 ? v.toFixed(0) : v.toFixed(2));

async function runSize(count, entry, cleanup, signal) {
  const database = await prepareDatabase(
    { db, pgUrl: new URL('postgres://postgres@127.0.0.1:5432/postgres'), keep: false },
    cleanup,
  );
  const env = apiEnv({ port, databaseEnv: database.env });
  const org = await createOrganization({ cliPath: entry.cli, cwd: workspaceRoot, env, signal });
  const seeded = performance.now();
  await seed(database, org.orgId, count);
  process.stderr.write(
    `seeded ${count} users in ${((performance.now() - seeded) / 1000).toFixed(1)} s\n`,
  );
  const api = new ApiProcess({
    mainPath: entry.main,
    cwd: workspaceRoot,
    env,
    port,
    logDir: database.env.DATA_DIR,
  });
  cleanup.add(
    'stop api',
    () => api.stop(),
    () => api.killSync(),
  );
  await api.start();
  await api.waitUntilHealthy({ signal });
  const baseUrl = `http://127.0.0.1:${port}`;
  // Warm-up: first requests pay for JIT and connection setup.
  await timeLookups(baseUrl, org.scimToken, count, 'userName', 4);
  const rows = [];
  for (const attribute of ['userName', 'externalId']) {
    for (const concurrency of [1, 16]) {
      rows.push({
        count,
        attribute,
        concurrency,
        ...(await timeLookups(baseUrl, org.scimToken, count, attribute, concurrency)),
      });
    }
  }
  await api.stop();
  return rows;
}

const cleanup = new Cleanup();
const abort = new AbortController();
installSignalHandlers(cleanup, abort);
try {
  const entry = await ensureApiBuilt(workspaceRoot, { build: true, signal: abort.signal });
  const results = [];
  for (const count of sizes) {
    results.push(...(await runSize(count, entry, cleanup, abort.signal)));
  }
  console.log(`\nRollcall look-up scaling — ${db}, ${lookups} look-ups per row\n`);
  console.log('users    filter            conc  req/s   p50 ms  p95 ms  p99 ms  errors');
  for (const r of results) {
    console.log(
      `${String(r.count).padEnd(8)} ${`${r.attribute} eq`.padEnd(17)} ${String(r.concurrency).padStart(4)}  ${fmt(r.reqPerSec).padStart(6)}  ${fmt(r.p50).padStart(6)}  ${fmt(r.p95).padStart(6)}  ${fmt(r.p99).padStart(6)}  ${r.errors}`,
    );
  }
  process.exitCode = results.some((r) => r.errors > 0) ? 1 : 0;
} catch (error) {
  process.stderr.write(`lookup-scaling failed: ${error.message}\n`);
  process.exitCode = 1;
} finally {
  await cleanup.run();
}
