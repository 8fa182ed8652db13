import { AsyncLocalStorage } from 'node:async_hooks';

/** Where the request that is making a change came from, as the HTTP edge saw it. */
export interface RequestOrigin {
  /** The client's address (`request.ip`: behind trusted proxies, from X-Forwarded-For). */
  clientIp: string | null;
}

// One store for the process: the HTTP edge enters it once per request, and everything the
// request awaits (guards, use cases, the outbox flush at COMMIT) runs inside it. Background
// jobs and the CLI never enter it, so their changes have no origin.
const storage = new AsyncLocalStorage<RequestOrigin>();

/** Runs `fn` (and every continuation it schedules) with `origin` as the current origin. */
export function runWithRequestOrigin<T>(origin: RequestOrigin, fn: () => T): T {
  return storage.run({ ...origin }, fn);
}

/** The origin of the request being served; undefined outside one (jobs, CLI, startup). */
export function currentRequestOrigin(): RequestOrigin | undefined {
  return storage.getStore();
}
