import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ms = (v) =>
  v === undefined ? '-' : v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : v.toFixed(0);
const rate = (v) => (v === undefined ? '-' : v.toFixed(0));
const mib = (kib) => (kib === undefined ? '-' : (kib / 1024).toFixed(0));
const cpu = (v) => (v === undefined ? '-' : v.toFixed(2));

function table(headers, rows, alignRight) {
  const widths = headers.map((h, c) => Math.max(h.length, ...rows.map((r) => String(r[c]).length)));
  const line = (cells) =>
    cells
      .map((cell, c) =>
        alignRight[c] ? String(cell).padStart(widths[c]) : String(cell).padEnd(widths[c]),
      )
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** A cluster primary forks its workers, so more than one process means primary + workers. */
/** What the load generator itself spent per request, on the cores it shares with the api. */
function benchCpuLine(result) {
  const requests = result.phases.reduce((sum, p) => sum + p.requests, 0);
  const spent = result.phases.reduce((sum, p) => sum + (p.benchCpuMs ?? 0), 0);
  if (requests === 0) return 'load generator: no requests';
  return `load generator (this process, same machine): ${(spent / requests).toFixed(2)} cpu ms/req over the run; api + load generator CPU per request bounds req/s on ${result.run.cpus} cores`;
}

const workerWords = (processes) =>
  processes > 1 ? `a primary and ${processes - 1} worker(s)` : 'one process serving requests';

/** The human report on stdout: one row per operation, a total row per phase. */
export function formatReport(result) {
  const headers = [
    'phase',
    'operation',
    'requests',
    'errors',
    'req/s',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'max ms',
    'cpu ms/req',
    'rss MiB',
    'tree MiB',
    'procs',
  ];
  const right = [false, false, true, true, true, true, true, true, true, true, true, true, true];
  const rows = [];
  for (const phase of result.phases) {
    // Server CPU is measured per phase, so it goes on the phase's only row or its total row.
    const single = phase.operations.length === 1;
    phase.operations.forEach((op, k) => {
      const l = op.latencyMs;
      rows.push([
        k === 0 ? phase.name : '',
        op.name,
        op.requests,
        op.errors,
        rate(op.reqPerSec),
        ms(l.p50),
        ms(l.p95),
        ms(l.p99),
        ms(l.max),
        single ? cpu(phase.serverCpuMsPerRequest) : '',
        k === 0 ? mib(phase.rssMaxKib) : '',
        k === 0 ? mib(phase.rssTreeMaxKib) : '',
        k === 0 ? (phase.processes ?? '-') : '',
      ]);
    });
    if (phase.operations.length !== 1) {
      const label =
        phase.operations.length === 0
          ? '(no requests)'
          : `(phase total, ${(phase.wallMs / 1000).toFixed(1)} s)`;
      rows.push([
        phase.operations.length === 0 ? phase.name : '',
        label,
        phase.requests,
        phase.errors,
        rate(phase.reqPerSec),
        '',
        '',
        '',
        '',
        cpu(phase.serverCpuMsPerRequest),
        phase.operations.length === 0 ? mib(phase.rssMaxKib) : '',
        phase.operations.length === 0 ? mib(phase.rssTreeMaxKib) : '',
        phase.operations.length === 0 ? (phase.processes ?? '-') : '',
      ]);
    }
  }
  const { run, rss } = result;
  const tree = run.apiProcesses;
  const out = [
    '',
    `Rollcall SCIM load — ${run.workload ? `workload ${run.workload}, ` : ''}${run.db}, N=${run.users} users, concurrency ${run.concurrency}` +
      (run.groups ? `, ${run.groups} groups × ${run.members} members` : '') +
      (run.auth === 'oauth' ? ', OAuth access token' : ''),
    `api ${run.apiCommit ?? ''} on node ${run.node}, ${run.cpus} × ${run.cpuModel}`,
    '',
    table(headers, rows, right),
    '',
    `api RSS (largest process): start ${mib(rss.startKib)} MiB, max ${mib(rss.maxKib)} MiB, end ${mib(rss.endKib)} MiB; whole tree max ${mib(rss.maxTotalKib)} MiB (${rss.samples} samples every ${rss.intervalMs} ms)`,
    `api processes: ${tree ? `${tree.processes} after start-up (${tree.commands.join(', ')}): ${workerWords(tree.processes)}` : '-'}, at most ${rss.maxProcesses ?? '-'} during the run; ` +
      (run.workersRequested === undefined
        ? 'WEB_CONCURRENCY not set'
        : `WEB_CONCURRENCY=${run.workersRequested} requested` +
          (tree && tree.processes < run.workersRequested
            ? ' — fewer processes than asked: this api does not fork workers'
            : '')),
    `cpu ms/req: CPU time (user + system) of the api's whole process tree during the phase ÷ the phase's requests`,
    benchCpuLine(result),
  ];
  const issue = issueTable(result);
  if (issue) out.push('', issue);
  const failing = result.phases.filter((p) => p.errors > 0 || p.notes.length > 0);
  for (const phase of failing) {
    out.push('', `${phase.name}: ${phase.errors} error(s)`);
    for (const note of phase.notes) out.push(`  note: ${note}`);
    for (const sample of phase.errorSamples) out.push(`  - ${sample}`);
  }
  if (result.aborted) out.push('', `run stopped early: ${result.aborted}`);
  return `${out.join('\n')}\n`;
}

const findOp = (result, phaseName, opName) => {
  const phase = result.phases.find((p) => p.name === phaseName);
  return { phase, op: phase?.operations.find((o) => o.name === opName) };
};

/** Requests ÷ summed wall time of the named phases (all phases when `names` is undefined). */
function rateOver(result, names) {
  const phases = result.phases.filter((p) => names === undefined || names.includes(p.name));
  const requests = phases.reduce((sum, p) => sum + p.requests, 0);
  const wallMs = phases.reduce((sum, p) => sum + p.wallMs, 0);
  return phases.length && wallMs > 0 ? (requests * 1000) / wallMs : undefined;
}

/**
 * The figures issue 15's table and goals are stated in, read from this run: throughput,
 * the single-resource p50s and the server CPU per request of each kind, next to the goal.
 */
function issueTable(result) {
  if (result.run.workload !== 'entra') return undefined;
  const p50 = (phaseName, opName) => {
    const { phase, op } = findOp(result, phaseName, opName);
    return {
      value: op ? `${ms(op.latencyMs.p50)} ms` : '-',
      cpu: phase?.operations.length === 1 ? cpu(phase.serverCpuMsPerRequest) : '-',
    };
  };
  const phaseCpu = (name) => cpu(result.phases.find((p) => p.name === name)?.serverCpuMsPerRequest);
  const reads = ['page', 'get', 'lookup'];
  const cpuOver = (names) => {
    const phases = result.phases.filter((p) => names === undefined || names.includes(p.name));
    const requests = phases.reduce((sum, p) => sum + p.requests, 0);
    if (phases.some((p) => p.serverCpuMs === undefined) || requests === 0) return '-';
    return cpu(phases.reduce((sum, p) => sum + p.serverCpuMs, 0) / requests);
  };
  const rows = [
    ['overall req/s', rate(rateOver(result)), cpuOver(), '≥ 1,400 pg / 3,000 sqlite req/s'],
    [
      'create phase req/s (filter + POST)',
      rate(rateOver(result, ['match+create'])),
      phaseCpu('match+create'),
      'POST ≤ 1 ms, filter ≤ 0.5 ms CPU',
    ],
    ['reads phase req/s (page, get, lookup)', rate(rateOver(result, reads)), cpuOver(reads), ''],
    ['GET /Users/{id} p50', ...Object.values(p50('get', 'GET /Users/{id}')), '≤ 0.5 ms CPU'],
    [
      'filter userName eq p50',
      p50('lookup', 'GET /Users?filter=userName').value,
      phaseCpu('lookup'),
      '≤ 0.5 ms CPU (with externalId eq)',
    ],
    [
      'filter externalId eq p50',
      p50('lookup', 'GET /Users?filter=externalId').value,
      phaseCpu('lookup'),
      '≤ 0.5 ms CPU (with userName eq)',
    ],
    [
      'PATCH user p50',
      ...Object.values(p50('patch', 'PATCH /Users/{id} (email, givenName)')),
      '≤ 1 ms CPU',
    ],
    [
      'GET /Users page of 100 p50',
      ...Object.values(p50('page', 'GET /Users?startIndex&count=100')),
      '≤ 20 ms p50',
    ],
    [
      '100-member group PATCH p50',
      ...Object.values(p50('groups:add-members', 'PATCH /Groups/{id} (Add ≤100 members)')),
      '≤ 3 ms CPU',
    ],
    [
      'DELETE /Users/{id} p50',
      p50('delete', 'DELETE /Users/{id}').value,
      phaseCpu('delete'),
      '≤ 1 ms CPU',
    ],
  ];
  return [
    'issue 15 figures (cpu ms/req: server CPU per request of the phase the figure comes from)',
    table(['figure', 'this run', 'cpu ms/req', 'goal'], rows, [false, true, true, false]),
  ].join('\n');
}

/** bench/results/<timestamp>-<db>-<N>.json (gitignored). Returns the path. */
export function writeResultFile(benchDir, result) {
  const dir = join(benchDir, 'results');
  mkdirSync(dir, { recursive: true });
  const stamp = result.run.startedAt.replace(/[:.]/g, '-');
  const file = join(dir, `${stamp}-${result.run.db}-${result.run.users}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  return file;
}
