import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second for /proc/<pid>/stat times (USER_HZ, 100 on every usual kernel). */
function clockTicksPerSecond() {
  try {
    const value = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
    return Number.isFinite(value) && value > 0 ? value : 100;
  } catch {
    return 100;
  }
}

const MS_PER_TICK = 1000 / clockTicksPerSecond();

/**
 * One process from /proc/<pid>/stat. `comm` is in parentheses and may itself contain spaces
 * or parentheses, so the fields are split after its last ')'.
 */
function readStat(pid) {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = text.lastIndexOf(')');
    const comm = text.slice(text.indexOf('(') + 1, close);
    // After ')': state(3) ppid(4) … utime(14) stime(15) cutime(16) cstime(17) … rss(24).
    const f = text
      .slice(close + 2)
      .trim()
      .split(' ');
    return {
      pid,
      comm,
      ppid: Number(f[1]),
      // cutime/cstime hold the CPU of children already reaped (a worker that exited), so a
      // restart inside the tree does not make CPU time vanish from the totals.
      cpuTicks: Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]),
    };
  } catch {
    return undefined; // gone between listing and reading
  }
}

function readRssKib(pid) {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The api and every descendant (cluster workers, anything they spawn), read from /proc.
 * Linux only: elsewhere `available` is false and every figure is undefined.
 */
export function readProcessTree(rootPid) {
  let entries;
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return { available: false, processes: [] };
  }
  const children = new Map();
  const stats = new Map();
  for (const name of entries) {
    const stat = readStat(Number(name));
    if (!stat) continue;
    stats.set(stat.pid, stat);
    const siblings = children.get(stat.ppid);
    if (siblings) siblings.push(stat.pid);
    else children.set(stat.ppid, [stat.pid]);
  }
  if (!stats.has(rootPid)) return { available: true, processes: [] };
  const processes = [];
  const queue = [rootPid];
  while (queue.length > 0) {
    const pid = queue.shift();
    const stat = stats.get(pid);
    if (!stat) continue;
    processes.push({ ...stat, rssKib: readRssKib(pid) });
    queue.push(...(children.get(pid) ?? []));
  }
  return { available: true, processes };
}

/** CPU milliseconds (user + system, reaped children included) of the whole tree. */
export function treeCpuMs(tree) {
  if (!tree.available || tree.processes.length === 0) return undefined;
  return tree.processes.reduce((sum, p) => sum + p.cpuTicks, 0) * MS_PER_TICK;
}

/** Largest single process's RSS and the tree's summed RSS, in KiB. */
export function treeRss(tree) {
  const sizes = tree.processes.map((p) => p.rssKib).filter((kib) => kib !== undefined);
  if (sizes.length === 0) return { maxKib: undefined, totalKib: undefined };
  return { maxKib: Math.max(...sizes), totalKib: sizes.reduce((a, b) => a + b, 0) };
}

/** Node processes in the tree: the api itself, plus one per cluster worker when it forks. */
export function nodeProcessCount(tree) {
  return tree.processes.filter((p) => p.comm.startsWith('node') || p.comm === 'MainThread').length;
}
