#!/usr/bin/env node
// Entra-like SCIM load generator for Rollcall. Measures, never asserts on time.
// Usage and what the figures mean: bench/README.md (or --help).
import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApiProcess, apiEnv, createOrganization, portInUse } from './lib/api-process.mjs';
import { ensureApiBuilt } from './lib/build.mjs';
import { Cleanup, InterruptedError, installSignalHandlers } from './lib/cleanup.mjs';
import { prepareDatabase } from './lib/database.mjs';
import { oauthAccessToken } from './lib/oauth.mjs';
import { benchUsers } from './lib/entra-requests.mjs';
import { readOptions, USAGE, UsageError } from './lib/options.mjs';
import { PHASE_NAMES, selectPhases } from './lib/phases/phase-plan.mjs';
import { PhaseRecorder, summarizePhase } from './lib/recorder.mjs';
import { formatReport, writeResultFile } from './lib/report.mjs';
import { nodeProcessCount, readProcessTree, treeCpuMs } from './lib/proc-tree.mjs';
import { RssSampler } from './lib/rss-sampler.mjs';
import { ScimClient } from './lib/scim-client.mjs';

const benchDir = dirname(fileURLToPath(import.meta.url));
const workspaceRoot = resolve(benchDir, '..');
const log = (line) => process.stderr.write(`${line}\n`);

function parseOptionsOrExit() {
  try {
    const options = readOptions(process.argv.slice(2), PHASE_NAMES);
    if (options.help) {
      process.stdout.write(USAGE);
      process.exit(0);
    }
    return options;
  } catch (error) {
    if (!(error instanceof UsageError) && !String(error.code).startsWith('ERR_PARSE_ARGS'))
      throw error;
    process.stderr.write(`${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
}

function gitDescribe() {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: workspaceRoot,
      encoding: 'utf8',
    }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'apps', 'libs'], {
      cwd: workspaceRoot,
      encoding: 'utf8',
    });
    return dirty.trim() ? `${head}+dirty` : head;
  } catch {
    return undefined;
  }
}

/** Brings up an isolated api on a fresh database; every step registers its own teardown. */
async function startApi(options, cleanup, signal) {
  // Checked first so a busy port fails before a build or a database (checked again at spawn).
  if (await portInUse(options.port)) {
    throw new Error(
      `port ${options.port} is already in use on 127.0.0.1; pick another with --port`,
    );
  }
  const entry = await ensureApiBuilt(workspaceRoot, { build: options.build, signal });
  const database = await prepareDatabase(options, cleanup);
  log(`database: ${database.describe}`);
  const env = apiEnv({ port: options.port, databaseEnv: database.env, workers: options.workers });
  const org = await createOrganization({ cliPath: entry.cli, cwd: workspaceRoot, env, signal });
  log(`organization: ${org.orgId}`);
  const api = new ApiProcess({
    mainPath: entry.main,
    cwd: workspaceRoot,
    env,
    port: options.port,
    logDir: database.env.DATA_DIR,
    cpuProfileDir: options.cpuProfileDir,
  });
  cleanup.add(
    'stop the api',
    () => api.stop(),
    () => api.killSync(),
  );
  await api.start();
  await api.waitUntilHealthy({ signal });
  log(`api: pid ${api.pid} healthy on http://127.0.0.1:${options.port}`);
  return { api, org, database };
}

/** A cheap authenticated request first: a bad token or a missing SCIM module fails here, once. */
async function preflight(client) {
  const phase = new PhaseRecorder('preflight');
  const result = await client.request(phase, {
    op: 'GET /ServiceProviderConfig',
    method: 'GET',
    path: '/ServiceProviderConfig',
    expect: 200,
  });
  if (!result.ok) throw new Error(`preflight failed: ${phase.errorSamples.join('; ')}`);
  log(
    `preflight: GET /scim/v2/ServiceProviderConfig 200 (${phase.operations[0].latenciesMs[0].toFixed(1)} ms)`,
  );
}

/**
 * The api's process tree as the run found it: with WEB_CONCURRENCY honoured, a primary and
 * its workers; without, one process. Read after start-up so forked workers are there.
 */
function describeTree(pid) {
  const tree = readProcessTree(pid);
  return {
    processes: tree.processes.length,
    nodeProcesses: nodeProcessCount(tree),
    commands: tree.processes.map((p) => p.comm),
  };
}

async function runPhases(ctx, rss, apiPid) {
  const summaries = [];
  for (const phase of selectPhases(ctx.options)) {
    if (ctx.signal.aborted) break;
    log(`phase ${phase.name} …`);
    rss.enterPhase(phase.name);
    const recorder = new PhaseRecorder(phase.name);
    // The server's CPU time across its whole tree: what a phase cost the server, apart from
    // the load generator sharing the machine.
    const cpuBefore = treeCpuMs(readProcessTree(apiPid));
    const benchCpuBefore = process.cpuUsage();
    recorder.begin();
    await phase.run(ctx, recorder);
    recorder.end();
    const benchCpu = process.cpuUsage(benchCpuBefore);
    const cpuAfter = treeCpuMs(readProcessTree(apiPid));
    rss.sample();
    const summary = summarizePhase(recorder, {
      rssMaxKib: rss.maxKib(phase.name),
      rssTreeMaxKib: rss.maxTotalKib(phase.name),
      processes: rss.maxProcesses(phase.name),
      serverCpuMs:
        cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore,
      // The load generator's own CPU: on a small machine it competes with the api for cores.
      benchCpuMs: (benchCpu.user + benchCpu.system) / 1000,
    });
    log(
      `phase ${phase.name}: ${summary.requests} requests, ${summary.errors} errors, ${(summary.wallMs / 1000).toFixed(1)} s`,
    );
    summaries.push(summary);
  }
  return summaries;
}

async function main() {
  const options = parseOptionsOrExit();
  const abort = new AbortController();
  const cleanup = new Cleanup();
  installSignalHandlers(cleanup, abort);
  let api;
  try {
    const started = await startApi(options, cleanup, abort.signal);
    api = started.api;
    api.onUnexpectedExit = ({ code, signal }) =>
      abort.abort(new Error(`the api exited (${signal ?? `code ${code}`}) during the run`));

    const rss = new RssSampler(api.pid, 500);
    rss.start();
    let token = started.org.scimToken;
    if (options.auth === 'oauth') {
      const oauth = await oauthAccessToken(
        `http://127.0.0.1:${options.port}`,
        started.org,
        abort.signal,
      );
      log(`auth: OAuth access token (exchange ${oauth.exchangeMs.toFixed(1)} ms)`);
      token = oauth.accessToken;
    }
    const client = new ScimClient({
      // Built here, not taken from the CLI's scimBaseUrl: the bench only ever talks to 127.0.0.1.
      baseUrl: `http://127.0.0.1:${options.port}/scim/v2`,
      token,
      timeoutMs: options.timeoutMs,
      signal: abort.signal,
    });
    await preflight(client);
    const apiTree = describeTree(api.pid);
    log(
      `api tree: ${apiTree.processes} process(es) (${apiTree.commands.join(', ')})` +
        (options.workers === undefined ? '' : `, WEB_CONCURRENCY=${options.workers}`),
    );

    const startedAt = new Date().toISOString();
    const ctx = {
      client,
      options,
      users: benchUsers(options.users),
      groups: [],
      signal: abort.signal,
    };
    const phases = await runPhases(ctx, rss, api.pid);
    rss.enterPhase('end');
    rss.stop();

    const result = {
      run: {
        startedAt,
        finishedAt: new Date().toISOString(),
        db: options.db,
        users: options.users,
        workload: options.workload,
        concurrency: options.concurrency,
        workersRequested: options.workers,
        apiProcesses: apiTree,
        auth: options.auth,
        lookups: options.lookups,
        groups: options.groups,
        members: options.groups ? options.members : undefined,
        apiCommit: gitDescribe(),
        node: process.version,
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model?.trim(),
      },
      rss: rss.summary(),
      phases,
      aborted: abort.signal.aborted ? abort.signal.reason?.message : undefined,
    };
    process.stdout.write(formatReport(result));
    log(`results: ${writeResultFile(benchDir, result)}`);
    if (result.aborted && !api.running) log(`api output (last lines):\n${api.tail()}`);

    if (abort.signal.reason instanceof InterruptedError) {
      process.exitCode = InterruptedError.exitCode(abort.signal.reason.signal);
    } else {
      process.exitCode = result.aborted || phases.some((p) => p.errors > 0) ? 1 : 0;
    }
  } catch (error) {
    log(`bench failed: ${error?.message ?? error}`);
    if (api && !api.running) log(`api output (last lines):\n${api.tail()}`);
    process.exitCode =
      abort.signal.reason instanceof InterruptedError
        ? InterruptedError.exitCode(abort.signal.reason.signal)
        : 1;
  } finally {
    await cleanup.run();
  }
}

await main();
