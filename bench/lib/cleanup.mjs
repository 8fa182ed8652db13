/**
 * LIFO stack of teardown steps (stop server, drop database, remove DATA_DIR). Runs once,
 * whether the run finished, threw, or got SIGINT/SIGTERM; a failing step is reported and
 * the rest still run, so one bad step never leaves a server or a database behind.
 */
export class Cleanup {
  #steps = [];
  #running;
  #syncSteps = [];

  /** `fn` is async; `syncFallback` (optional) runs from process 'exit' if `fn` never ran. */
  add(label, fn, syncFallback) {
    const step = { label, fn, done: false };
    this.#steps.push(step);
    if (syncFallback) this.#syncSteps.push({ step, syncFallback });
  }

  run() {
    this.#running ??= (async () => {
      while (this.#steps.length > 0) {
        const step = this.#steps.pop();
        try {
          await step.fn();
        } catch (error) {
          process.stderr.write(`cleanup: ${step.label} failed: ${error?.message ?? error}\n`);
        } finally {
          step.done = true;
        }
      }
    })();
    return this.#running;
  }

  /** Last resort for an exit we did not see coming (e.g. process.exit from elsewhere). */
  runSyncFallbacks() {
    for (const { step, syncFallback } of this.#syncSteps) {
      if (step.done) continue;
      try {
        syncFallback();
      } catch {
        // Exiting anyway; nothing more we can do here.
      }
    }
  }
}

/**
 * On SIGINT/SIGTERM: abort in-flight work so the run winds down, prints what it measured
 * and runs its own cleanup. If that has not finished within `graceMs`, clean up here and
 * exit. A second signal is ignored so Ctrl-C twice cannot skip the DROP DATABASE.
 */
export function installSignalHandlers(cleanup, abortController, graceMs = 15_000) {
  let stopping = false;
  const onSignal = (signal) => {
    if (stopping) {
      process.stderr.write(`\n${signal} again: still cleaning up, please wait…\n`);
      return;
    }
    stopping = true;
    process.stderr.write(`\n${signal}: stopping, cleaning up…\n`);
    abortController.abort(new InterruptedError(signal));
    setTimeout(() => {
      void cleanup.run().finally(() => process.exit(InterruptedError.exitCode(signal)));
    }, graceMs).unref();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('exit', () => cleanup.runSyncFallbacks());
}

export class InterruptedError extends Error {
  constructor(signal) {
    super(`interrupted by ${signal}`);
    this.signal = signal;
  }

  static exitCode(signal) {
    return signal === 'SIGINT' ? 130 : 143;
  }
}
