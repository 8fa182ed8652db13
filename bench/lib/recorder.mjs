/** Error bodies kept for the report: a few per operation, so each failing kind shows up. */
const ERROR_SAMPLES_PER_OPERATION = 3;

/** Latencies and errors of one kind of request within a phase (e.g. "POST /Users"). */
class OperationStats {
  latenciesMs = [];
  requests = 0;
  errors = 0;

  constructor(name) {
    this.name = name;
  }
}

/**
 * Everything measured in one phase. Requests are grouped by operation so a phase that
 * interleaves two requests (match GET + create POST) still reports each on its own row.
 */
export class PhaseRecorder {
  #ops = new Map();
  errorSamples = [];
  notes = [];
  startedAt;
  endedAt;

  constructor(name) {
    this.name = name;
  }

  begin() {
    this.startedAt = performance.now();
  }

  end() {
    this.endedAt = performance.now();
  }

  get wallMs() {
    return (this.endedAt ?? performance.now()) - (this.startedAt ?? performance.now());
  }

  get errors() {
    let total = 0;
    for (const op of this.#ops.values()) total += op.errors;
    return total;
  }

  get operations() {
    return [...this.#ops.values()];
  }

  #op(name) {
    let op = this.#ops.get(name);
    if (!op) {
      op = new OperationStats(name);
      this.#ops.set(name, op);
    }
    return op;
  }

  /** One answered request; `latencyMs` undefined when it never got an answer (timeout…). */
  record(opName, latencyMs) {
    const op = this.#op(opName);
    op.requests += 1;
    if (latencyMs !== undefined) op.latenciesMs.push(latencyMs);
  }

  /** Counts an error against `opName`; keeps the first few details for the report. */
  error(opName, detail) {
    const op = this.#op(opName);
    op.errors += 1;
    if (op.errors <= ERROR_SAMPLES_PER_OPERATION) {
      this.errorSamples.push(`${opName}: ${String(detail).slice(0, 500)}`);
    }
  }

  note(text) {
    this.notes.push(text);
  }
}

/** Nearest-rank percentile of an ascending-sorted array. */
function percentile(sorted, p) {
  if (sorted.length === 0) return undefined;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function summarizeLatencies(latenciesMs) {
  const sorted = Float64Array.from(latenciesMs).sort();
  let sum = 0;
  for (const v of sorted) sum += v;
  return {
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1] : undefined,
    mean: sorted.length ? sum / sorted.length : undefined,
  };
}

/**
 * Plain-data view of a phase for the table and the JSON file. `server` holds what was read
 * from the api's process tree: largest process RSS, summed RSS, process count, CPU ms spent.
 */
export function summarizePhase(phase, server = {}) {
  const { rssMaxKib, rssTreeMaxKib, processes, serverCpuMs, benchCpuMs } = server;
  const wallSeconds = phase.wallMs / 1000;
  const operations = phase.operations.map((op) => ({
    name: op.name,
    requests: op.requests,
    errors: op.errors,
    // Interleaved operations share the phase's wall time, so their req/s add up to the phase's.
    reqPerSec: wallSeconds > 0 && op.requests > 0 ? op.requests / wallSeconds : undefined,
    latencyMs: summarizeLatencies(op.latenciesMs),
  }));
  const requests = operations.reduce((sum, op) => sum + op.requests, 0);
  return {
    name: phase.name,
    wallMs: phase.wallMs,
    requests,
    errors: phase.errors,
    reqPerSec: wallSeconds > 0 && requests > 0 ? requests / wallSeconds : undefined,
    rssMaxKib,
    rssTreeMaxKib,
    processes,
    serverCpuMs,
    benchCpuMs,
    // Whole phase ÷ its requests: a phase of one kind of request gives that request's cost.
    serverCpuMsPerRequest:
      serverCpuMs !== undefined && requests > 0 ? serverCpuMs / requests : undefined,
    operations,
    errorSamples: phase.errorSamples,
    notes: phase.notes,
  };
}
