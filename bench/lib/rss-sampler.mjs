import { readProcessTree, treeRss } from './proc-tree.mjs';

/**
 * Samples the api's resident set every `intervalMs` and attributes each sample to the
 * phase running at the time, so the report shows which workload grows memory. The api may
 * fork workers (WEB_CONCURRENCY), so each sample covers the whole process tree: `kib` is the
 * largest single process (the per-worker figure), `totalKib` the tree's sum, `processes`
 * how many there were.
 */
export class RssSampler {
  #timer;
  #phase = 'startup';
  samples = [];

  constructor(pid, intervalMs = 500) {
    this.pid = pid;
    this.intervalMs = intervalMs;
  }

  start() {
    this.sample();
    this.#timer = setInterval(() => this.sample(), this.intervalMs);
    this.#timer.unref();
  }

  stop() {
    clearInterval(this.#timer);
  }

  /** Marks the phase boundary with a sample of its own, so short phases get one too. */
  enterPhase(name) {
    this.#phase = name;
    this.sample();
  }

  sample() {
    const tree = readProcessTree(this.pid);
    const { maxKib, totalKib } = treeRss(tree);
    if (maxKib !== undefined) {
      this.samples.push({
        atMs: Math.round(performance.now()),
        phase: this.#phase,
        kib: maxKib,
        totalKib,
        processes: tree.processes.length,
      });
    }
    return maxKib;
  }

  #max(field, phase) {
    let max;
    for (const s of this.samples) {
      if ((phase === undefined || s.phase === phase) && (max === undefined || s[field] > max))
        max = s[field];
    }
    return max;
  }

  /** Largest single process's RSS during `phase` (or the whole run). */
  maxKib(phase) {
    return this.#max('kib', phase);
  }

  /** Largest summed RSS of the tree during `phase` (or the whole run). */
  maxTotalKib(phase) {
    return this.#max('totalKib', phase);
  }

  /** Most processes seen in the tree during `phase` (or the whole run). */
  maxProcesses(phase) {
    return this.#max('processes', phase);
  }

  summary() {
    return {
      intervalMs: this.intervalMs,
      samples: this.samples.length,
      startKib: this.samples[0]?.kib,
      maxKib: this.maxKib(),
      maxTotalKib: this.maxTotalKib(),
      endKib: this.samples.at(-1)?.kib,
      maxProcesses: this.maxProcesses(),
    };
  }
}
