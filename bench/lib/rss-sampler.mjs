import { readFileSync } from 'node:fs';

/** VmRSS of a process in KiB from /proc/<pid>/status (Linux), or undefined if unavailable. */
export function readRssKib(pid) {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined; // not Linux, or the process is gone
  }
}

/**
 * Samples the api's resident set every `intervalMs` and attributes each sample to the
 * phase running at the time, so the report shows which workload grows memory.
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
    const kib = readRssKib(this.pid);
    if (kib !== undefined)
      this.samples.push({ atMs: Math.round(performance.now()), phase: this.#phase, kib });
    return kib;
  }

  maxKib(phase) {
    let max;
    for (const s of this.samples) {
      if ((phase === undefined || s.phase === phase) && (max === undefined || s.kib > max))
        max = s.kib;
    }
    return max;
  }

  summary() {
    return {
      intervalMs: this.intervalMs,
      samples: this.samples.length,
      startKib: this.samples[0]?.kib,
      maxKib: this.maxKib(),
      endKib: this.samples.at(-1)?.kib,
    };
  }
}
