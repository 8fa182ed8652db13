/**
 * Whether this process schedules the periodic purges (a boolean). Every worker of a cluster
 * serves requests, but one is enough to purge; absent (the CLI, tests), jobs run.
 */
export const BACKGROUND_JOBS = Symbol('BACKGROUND_JOBS');
