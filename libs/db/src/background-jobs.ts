/**
 * Whether this process schedules the periodic purges (a boolean). Every worker of a cluster
 * serves requests, but one is enough to purge; absent (the CLI, tests), jobs run.
 */
export const BACKGROUND_JOBS = Symbol('BACKGROUND_JOBS');

interface JobLogger {
  log(message: string): void;
  warn(message: unknown, context?: string): void;
}

/**
 * Runs `job` every `everyMs` in this process when it schedules background jobs: announced
 * once, a failure logged and retried next time, never keeping the process alive. Returns the
 * timer to clear on shutdown (undefined when this process does not schedule).
 */
export function schedulePeriodicJob(
  scheduled: boolean,
  logger: JobLogger,
  what: string,
  everyMs: number,
  job: () => Promise<unknown>,
): NodeJS.Timeout | undefined {
  if (!scheduled) return undefined;
  logger.log(`Purging ${what} every ${everyMs / 60_000} min in this process`);
  const timer = setInterval(() => {
    job().catch((error: unknown) =>
      logger.warn({ err: error }, `Purging ${what} failed; will retry`),
    );
  }, everyMs);
  timer.unref();
  return timer;
}
