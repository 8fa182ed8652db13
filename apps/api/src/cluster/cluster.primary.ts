import cluster, { type Worker } from 'node:cluster';
import { ClusterMetricsGatherer } from './cluster-metrics.primary';

/** Which worker a process is (1…N): set by the primary, kept when a worker is replaced. */
export const WORKER_INDEX_ENV = 'ROLLCALL_WORKER_INDEX';

/** Sent to worker 1 once every worker listens: the first-start banner is printed there. */
export const FIRST_START_MESSAGE = 'rollcall:first-start';

/** Slack on top of SHUTDOWN_TIMEOUT_MS for workers to exit after their own deadline. */
const SHUTDOWN_SLACK_MS = 3_000;
/** A replacement waits this long, doubled for each worker in that slot that died young. */
const RESTART_DELAY_MS = 250;
const MAX_RESTART_DELAY_MS = 30_000;
/** A worker that ran this long is not crash-looping: its replacement starts at once. */
const STABLE_AFTER_MS = 30_000;

/**
 * How long a replacement waits: at once after a worker that ran a while, then 250 ms, 500 ms,
 * … up to 30 s while workers in that slot keep dying young (a crash loop must not spin a core).
 */
export function restartDelayMs(youngDeaths: number): number {
  if (youngDeaths <= 0) return 0;
  return Math.min(RESTART_DELAY_MS * 2 ** (youngDeaths - 1), MAX_RESTART_DELAY_MS);
}

export interface PrimaryLog {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface ClusterOptions {
  workers: number;
  shutdownTimeoutMs: number;
  /** The operator's BACKGROUND_JOBS: worker 1 gets it, every other worker runs none. */
  backgroundJobs: boolean;
  log: PrimaryLog;
  /** Every worker listens for the first time. */
  onListening(): void;
}

interface Slot {
  worker?: Worker;
  startedAt: number;
  youngDeaths: number;
  restart?: NodeJS.Timeout;
}

/**
 * The cluster primary: forks the workers (which share the port), replaces one that dies, and
 * on SIGTERM/SIGINT stops them all and exits 0 once each has drained and exited 0.
 *
 * Worker 1 starts alone and the others once it listens: it runs the migrations and creates
 * the SQLite file and the encryption key file, which the others then find in place.
 * A worker that fails before the whole group first listened fails the start (the process
 * exits with its code), as the single-process server would; later, it is replaced.
 * It also sums the workers' metrics for a scrape that one of them takes.
 */
export function runClusterPrimary(options: ClusterOptions): void {
  const { log } = options;
  const slots = new Map<number, Slot>();
  let listening = false;
  let stopping = false;
  let cleanExits = true;

  const fork = (index: number): void => {
    const worker = cluster.fork({
      [WORKER_INDEX_ENV]: String(index),
      BACKGROUND_JOBS: index === 1 ? String(options.backgroundJobs) : 'false',
    });
    const slot = slots.get(index) ?? { startedAt: 0, youngDeaths: 0 };
    slot.worker = worker;
    slot.startedAt = Date.now();
    slot.restart = undefined;
    slots.set(index, slot);
  };

  const indexOf = (worker: Worker): number | undefined => {
    for (const [index, slot] of slots) if (slot.worker === worker) return index;
    return undefined;
  };

  const running = (): Worker[] =>
    [...slots.values()].flatMap((slot) => (slot.worker ? [slot.worker] : []));

  const listeningWorkers = new WeakSet<Worker>();

  // A scrape taken by any worker is answered for them all (see ClusterMetricsGatherer).
  const metrics = new ClusterMetricsGatherer(() =>
    running().filter((worker) => listeningWorkers.has(worker)),
  );
  cluster.on('message', (worker, message) => metrics.onMessage(worker, message));
  cluster.on('listening', (worker) => {
    listeningWorkers.add(worker);
    if (listening || stopping) return;
    if (indexOf(worker) === 1 && slots.size === 1) {
      for (let next = 2; next <= options.workers; next += 1) fork(next);
    }
    const all = running();
    if (all.length === options.workers && all.every((w) => listeningWorkers.has(w))) {
      listening = true;
      options.onListening();
      slots.get(1)?.worker?.send(FIRST_START_MESSAGE);
    }
  });

  cluster.on('exit', (worker, code, signal) => {
    const index = indexOf(worker);
    if (index === undefined) return;
    metrics.forget(worker);
    const slot = slots.get(index);
    if (slot) slot.worker = undefined;
    const how = signal ? `signal ${signal}` : `code ${code}`;
    if (stopping) {
      // One still starting has no signal handler yet: SIGTERM ends it at once, and that is
      // what was asked.
      const stoppedWhileStarting = !listeningWorkers.has(worker) && signal === 'SIGTERM';
      if (code !== 0 && !stoppedWhileStarting) {
        cleanExits = false;
        log.warn(`Worker ${index} (pid ${worker.process.pid}) exited with ${how} while stopping`);
      }
      if (running().length === 0) {
        log.info(
          cleanExits ? 'All workers stopped' : 'All workers stopped, not all of them cleanly',
        );
        process.exit(cleanExits ? 0 : 1);
      }
      return;
    }
    if (!listening) {
      log.error(`Worker ${index} (pid ${worker.process.pid}) exited with ${how} while starting`);
      for (const other of running()) other.process.kill('SIGKILL');
      process.exit(code && code > 0 ? code : 1);
    }
    if (!slot) return;
    slot.youngDeaths = Date.now() - slot.startedAt >= STABLE_AFTER_MS ? 0 : slot.youngDeaths + 1;
    const delay = restartDelayMs(slot.youngDeaths);
    log.warn(
      `Worker ${index} (pid ${worker.process.pid}) exited unexpectedly with ${how}; starting a new one in ${delay} ms`,
    );
    slot.restart = setTimeout(() => fork(index), delay);
  });

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    for (const slot of slots.values()) clearTimeout(slot.restart);
    const workers = running();
    log.info(`${signal} received: stopping ${workers.length} worker(s)`);
    if (workers.length === 0) process.exit(0);
    const deadline = options.shutdownTimeoutMs + SHUTDOWN_SLACK_MS;
    setTimeout(() => {
      log.error(`Workers still running ${deadline} ms after ${signal}: killing them`);
      for (const worker of running()) worker.process.kill('SIGKILL');
      process.exit(1);
    }, deadline);
    // Workers may have the signal already (Ctrl-C reaches the whole process group); they
    // drain once however many they get.
    for (const worker of workers) worker.process.kill('SIGTERM');
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));

  fork(1);
}
