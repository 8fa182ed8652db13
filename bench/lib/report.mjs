import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ms = (v) =>
  v === undefined ? '-' : v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : v.toFixed(0);
const rate = (v) => (v === undefined ? '-' : v.toFixed(0));
const mib = (kib) => (kib === undefined ? '-' : (kib / 1024).toFixed(0));

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
    'rss MiB',
  ];
  const right = [false, false, true, true, true, true, true, true, true, true];
  const rows = [];
  for (const phase of result.phases) {
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
        k === 0 ? mib(phase.rssMaxKib) : '',
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
        phase.operations.length === 0 ? mib(phase.rssMaxKib) : '',
      ]);
    }
  }
  const { run, rss } = result;
  const out = [
    '',
    `Rollcall SCIM load — ${run.db}, N=${run.users} users, concurrency ${run.concurrency}` +
      (run.groups ? `, ${run.groups} groups × ${run.members} members` : '') +
      (run.auth === 'oauth' ? ', OAuth access token' : ''),
    `api ${run.apiCommit ?? ''} on node ${run.node}, ${run.cpus} × ${run.cpuModel}`,
    '',
    table(headers, rows, right),
    '',
    `api RSS: start ${mib(rss.startKib)} MiB, max ${mib(rss.maxKib)} MiB, end ${mib(rss.endKib)} MiB (${rss.samples} samples every ${rss.intervalMs} ms)`,
  ];
  const failing = result.phases.filter((p) => p.errors > 0 || p.notes.length > 0);
  for (const phase of failing) {
    out.push('', `${phase.name}: ${phase.errors} error(s)`);
    for (const note of phase.notes) out.push(`  note: ${note}`);
    for (const sample of phase.errorSamples) out.push(`  - ${sample}`);
  }
  if (result.aborted) out.push('', `run stopped early: ${result.aborted}`);
  return `${out.join('\n')}\n`;
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
