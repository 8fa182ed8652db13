#!/usr/bin/env node
// Issue 15's "flat at scale": Entra's look-ups (`filter=userName eq`, `filter=externalId eq`,
// GET /Users/{id}) and the gallery's paging (GET /Users?startIndex=S&count=100) as the
// directory grows from 1k to 1M users. The users are seeded straight into a fresh database
// per size (the same rows POST /Users writes, checked against the api), then each request
// kind is timed at concurrency 1 (the server's own latency) and 8 (Entra-like), and every
// answer is verified. Measures and prints; the exit code is 1 only on a wrong answer.
//
//   node bench/lookup-scaling.mjs --db sqlite|postgres [--sizes 1000,100000] [--help]
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { ApiProcess, apiEnv, createOrganization } from './lib/api-process.mjs';
import { ensureApiBuilt } from './lib/build.mjs';
import { Cleanup, installSignalHandlers } from './lib/cleanup.mjs';
import { prepareDatabase } from './lib/database.mjs';
import { eqFilter } from './lib/entra-requests.mjs';
import { runPool } from './lib/pool.mjs';
import { readProcessTree, treeCpuMs } from './lib/proc-tree.mjs';
import { summarizeLatencies } from './lib/recorder.mjs';
import { RssSampler } from './lib/rss-sampler.mjs';
import { SCALE_USAGE, UsageError, readScaleOptions } from './lib/scale-options.mjs';
import { checkSeededRow, externalId, seedUsers, userId, userName } from './lib/scale-seed.mjs';

const workspaceRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const PAGE = 100;
const DEPTHS = [1, 1_001, 10_001, 100_001, 500_001];
const CONCURRENCIES = [1, 8];
/** Untimed requests per look-up kind before the timed rows. */
const WARM_UP = 500;

let options;
try {
  options = readScaleOptions(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  process.stderr.write(`lookup-scaling: ${error.message}\n\n${SCALE_USAGE}`);
  process.exit(2);
}
if (options.help) {
  process.stdout.write(SCALE_USAGE);
  process.exit(0);
}

const log = (text) => process.stderr.write(text);

/** The request kinds: each builds its URL for user i and says what is wrong with an answer. */
const LOOKUPS = {
  'userName eq': {
    path: (i) => `/scim/v2/Users?${eqFilter('userName', userName(i))}`,
    wrong: (status, body, i) =>
      status !== 200
        ? `status ${status}`
        : body.totalResults !== 1 || body.Resources?.[0]?.userName !== userName(i)
          ? `totalResults ${body.totalResults}, userName ${body.Resources?.[0]?.userName}`
          : undefined,
  },
  'externalId eq': {
    path: (i) => `/scim/v2/Users?${eqFilter('externalId', externalId(i))}`,
    wrong: (status, body, i) =>
      status !== 200
        ? `status ${status}`
        : body.totalResults !== 1 || body.Resources?.[0]?.externalId !== externalId(i)
          ? `totalResults ${body.totalResults}, externalId ${body.Resources?.[0]?.externalId}`
          : undefined,
  },
  'GET /Users/{id}': {
    path: (i) => `/scim/v2/Users/${userId(i)}`,
    wrong: (status, body, i) =>
      status !== 200
        ? `status ${status}`
        : body.id !== userId(i) || body.userName !== userName(i)
          ? `id ${body.id}, userName ${body.userName}`
          : undefined,
  },
};

/** What the page at `startIndex` of a directory of `count` users must hold. */
function wrongPage(status, body, startIndex, count) {
  if (status !== 200) return `status ${status}`;
  const expected = Math.min(PAGE, count - startIndex + 1);
  const first = body.Resources?.[0]?.userName;
  if (body.totalResults !== count) return `totalResults ${body.totalResults}, expected ${count}`;
  if (body.startIndex !== startIndex) return `startIndex ${body.startIndex}`;
  if (body.itemsPerPage !== expected || body.Resources?.length !== expected) {
    return `itemsPerPage ${body.itemsPerPage} (${body.Resources?.length} resources), expected ${expected}`;
  }
  // Creation order: the page starts with user startIndex − 1.
  if (first !== userName(startIndex - 1)) return `first user ${first}`;
  return undefined;
}

/**
 * Times `requests` GETs (`pathFor(k)`), `concurrency` in flight; checks each answer. Also
 * the CPU the api's process tree spent per request: on a shared machine latency moves with
 * the neighbours' load, CPU time much less.
 */
async function timeRequests({ baseUrl, token, requests, concurrency, pathFor, wrong, apiPid }) {
  const latencies = [];
  const failures = [];
  const cpuBefore = treeCpuMs(readProcessTree(apiPid));
  const started = performance.now();
  await runPool(
    Array.from({ length: requests }, (_, k) => k),
    concurrency,
    async (k) => {
      const path = pathFor(k);
      const t = performance.now();
      let problem;
      try {
        const response = await fetch(`${baseUrl}${path}`, {
          headers: { Authorization: `Bearer ${token}` },
          signal: AbortSignal.timeout(60_000),
        });
        const body = await response.json();
        latencies.push(performance.now() - t);
        problem = wrong(response.status, body, k);
      } catch (error) {
        problem = error.cause?.code ?? error.message;
      }
      if (problem) failures.push(`${path}: ${problem}`);
    },
  );
  const seconds = (performance.now() - started) / 1000;
  const cpuAfter = treeCpuMs(readProcessTree(apiPid));
  return {
    requests,
    cpuMsPerRequest:
      cpuBefore === undefined || cpuAfter === undefined
        ? undefined
        : (cpuAfter - cpuBefore) / requests,
    ...summarizeLatencies(latencies),
    reqPerSec: requests / seconds,
    errors: failures.length,
    failures: failures.slice(0, 3),
  };
}

/** Random existing users, drawn once per row. */
function picks(count, n) {
  return Array.from({ length: n }, () => Math.floor(Math.random() * count));
}

/** VmRSS of the api and each of its workers, in KiB. */
function rssNow(pid) {
  const tree = readProcessTree(pid);
  const sizes = tree.processes.map((p) => p.rssKib).filter((kib) => kib !== undefined);
  return {
    processes: sizes.length,
    maxKib: sizes.length ? Math.max(...sizes) : undefined,
    totalKib: sizes.reduce((a, b) => a + b, 0),
    eachKib: sizes,
  };
}

async function runSize(count, entry, cleanup, signal) {
  const { db, port, lookups, pages, workers, pgUrl, keep } = options;
  const database = await prepareDatabase({ db, pgUrl, keep }, cleanup);
  const env = apiEnv({ port, databaseEnv: database.env, workers });
  const org = await createOrganization({ cliPath: entry.cli, cwd: workspaceRoot, env, signal });
  log(`${count} users: seeding ${database.describe} …\n`);
  const seedSeconds = await seedUsers(database, org.orgId, count, log);
  log(`${count} users: seeded in ${seedSeconds.toFixed(1)} s\n`);
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
  const sampler = new RssSampler(api.pid, 250);
  sampler.start();
  const baseUrl = `http://127.0.0.1:${port}`;
  const token = org.scimToken;
  const loadBefore = loadavg()[0];
  const rowMismatch = await checkSeededRow({
    database,
    baseUrl,
    token,
    probe: count,
    seeded: count - 1,
  });
  for (const line of rowMismatch) log(`seeded row differs from the api's: ${line}\n`);

  const rows = [];
  // Warm-up: the first requests pay for JIT, connections and cold pages; not timed, but
  // checked. With fewer (100 per kind) the first timed row still paid for JIT: its CPU per
  // request was twice the same request's timed later.
  sampler.enterPhase('warm-up');
  let warmUpErrors = 0;
  for (const [name, lookup] of Object.entries(LOOKUPS)) {
    const warm = picks(count, WARM_UP);
    const { errors } = await timeRequests({
      baseUrl,
      token,
      apiPid: api.pid,
      requests: warm.length,
      concurrency: 8,
      pathFor: (k) => lookup.path(warm[k]),
      wrong: (status, body, k) => lookup.wrong(status, body, warm[k]),
    });
    warmUpErrors += errors;
    log(`${count} users: ${name} warmed up\n`);
  }
  const { errors: pageWarmUpErrors } = await timeRequests({
    baseUrl,
    token,
    apiPid: api.pid,
    requests: 5,
    concurrency: 1,
    pathFor: () => `/scim/v2/Users?startIndex=1&count=${PAGE}`,
    wrong: (status, body) => wrongPage(status, body, 1, count),
  });
  warmUpErrors += pageWarmUpErrors;
  for (const [name, lookup] of Object.entries(LOOKUPS)) {
    for (const concurrency of CONCURRENCIES) {
      sampler.enterPhase(`${name}, conc ${concurrency}`);
      const users = picks(count, lookups);
      rows.push({
        count,
        name,
        concurrency,
        ...(await timeRequests({
          baseUrl,
          token,
          apiPid: api.pid,
          requests: lookups,
          concurrency,
          pathFor: (k) => lookup.path(users[k]),
          wrong: (status, body, k) => lookup.wrong(status, body, users[k]),
        })),
      });
    }
  }
  const depths = [...new Set([...DEPTHS, Math.max(1, count - PAGE + 1)])]
    .filter((s) => s <= count)
    .sort((a, b) => a - b);
  for (const startIndex of depths) {
    sampler.enterPhase(`page startIndex=${startIndex}`);
    rows.push({
      count,
      name: `page startIndex=${startIndex}`,
      concurrency: 1,
      ...(await timeRequests({
        baseUrl,
        token,
        apiPid: api.pid,
        requests: pages,
        concurrency: 1,
        pathFor: () => `/scim/v2/Users?startIndex=${startIndex}&count=${PAGE}`,
        wrong: (status, body) => wrongPage(status, body, startIndex, count),
      })),
    });
    log(`${count} users: paged at ${startIndex}\n`);
  }
  const rss = rssNow(api.pid);
  sampler.stop();
  const peakKib = sampler.maxKib();
  const peakPhase = sampler.samples.find((sample) => sample.kib === peakKib)?.phase;
  await api.stop();
  return {
    count,
    seedSeconds,
    rowMismatch,
    rows,
    rss,
    peakKib,
    peakPhase,
    warmUpErrors,
    load: [loadBefore, loadavg()[0]],
    database: database.describe,
  };
}

const fmt = (v) => (v === undefined ? '-' : v >= 100 ? v.toFixed(0) : v.toFixed(2));
const mib = (kib) => (kib === undefined ? '-' : (kib / 1024).toFixed(0));

function printReport(results) {
  const { db, lookups, pages, workers } = options;
  console.log(
    `\nRollcall look-ups and paging at scale — ${db}, ${lookups} look-ups per row, ${pages} pages per depth, WEB_CONCURRENCY=${workers ?? '(api default)'}\n`,
  );
  for (const r of results) {
    console.log(
      `${r.count} users (${r.database}): ${r.warmUpErrors} wrong answers in the warm-up; seeded in ${r.seedSeconds.toFixed(1)} s; seeded rows ${r.rowMismatch.length === 0 ? 'match' : 'DIFFER from'} POST /Users; machine load ${r.load.map((l) => l.toFixed(1)).join(' → ')}`,
    );
  }
  console.log(
    '\nusers    request                        conc  req/s   p50 ms  p95 ms  p99 ms  api CPU ms/req  errors',
  );
  for (const result of results) {
    for (const r of result.rows) {
      console.log(
        `${String(r.count).padEnd(8)} ${r.name.padEnd(30)} ${String(r.concurrency).padStart(4)}  ${fmt(r.reqPerSec).padStart(6)}  ${fmt(r.p50).padStart(6)}  ${fmt(r.p95).padStart(6)}  ${fmt(r.p99).padStart(6)}  ${fmt(r.cpuMsPerRequest).padStart(14)}  ${r.errors}`,
      );
      for (const failure of r.failures) console.log(`         ! ${failure}`);
    }
  }
  console.log(
    '\nusers    api RSS after the size (MiB): largest process, tree, processes; peak of the largest (during)',
  );
  for (const r of results) {
    console.log(
      `${String(r.count).padEnd(8)} ${mib(r.rss.maxKib).padStart(4)} largest  ${mib(r.rss.totalKib).padStart(5)} tree  ${r.rss.processes} processes (${r.rss.eachKib.map(mib).join(', ')})  peak ${mib(r.peakKib)} (${r.peakPhase})`,
    );
  }
  if (results.length > 1) {
    const small = results[0];
    const large = results.at(-1);
    console.log(
      `\n"flat" figure: p50 (and the api's CPU per request) at ${large.count} ÷ at ${small.count} users`,
    );
    for (const name of Object.keys(LOOKUPS)) {
      const ratios = CONCURRENCIES.map((concurrency) => {
        const find = (result) =>
          result.rows.find((r) => r.name === name && r.concurrency === concurrency);
        return `conc ${concurrency}: ${(find(large).p50 / find(small).p50).toFixed(2)}×`;
      });
      const cpu = (result) =>
        result.rows
          .filter((r) => r.name === name)
          .reduce((sum, r) => sum + (r.cpuMsPerRequest ?? NaN) * r.requests, 0) /
        result.rows.filter((r) => r.name === name).reduce((sum, r) => sum + r.requests, 0);
      ratios.push(`api CPU/req: ${(cpu(large) / cpu(small)).toFixed(2)}×`);
      console.log(`  ${name.padEnd(18)} ${ratios.join('   ')}`);
    }
  }
}

const cleanup = new Cleanup();
const abort = new AbortController();
installSignalHandlers(cleanup, abort);
try {
  const entry = await ensureApiBuilt(workspaceRoot, {
    build: options.build,
    signal: abort.signal,
  });
  const results = [];
  for (const count of options.sizes) {
    results.push(await runSize(count, entry, cleanup, abort.signal));
  }
  printReport(results);
  const wrong = results.some(
    (r) => r.rowMismatch.length > 0 || r.warmUpErrors > 0 || r.rows.some((x) => x.errors > 0),
  );
  process.exitCode = wrong ? 1 : 0;
} catch (error) {
  process.stderr.write(`lookup-scaling failed: ${error.message}\n`);
  process.exitCode = 1;
} finally {
  await cleanup.run();
}
