/** How many attempts a key may make within a window. */
export interface RateLimitRule {
  points: number;
  durationSeconds: number;
}

/**
 * What a limiter does when its shared store (Redis) cannot be reached: `allow` lets the
 * request through with a warning (for generous limits whose refusal would hurt more than a
 * short gap), `count-in-memory` keeps counting per process until the store is back (for
 * limits that guard secrets, which must never silently stop).
 */
export type WhenStoreFails = 'allow' | 'count-in-memory';

export interface RateLimiterSpec {
  /** Names the counters in the store; two limiters never share a name. */
  name: string;
  rule: RateLimitRule;
  /** Extra points a key may draw once `rule` is spent, refilled over this longer window. */
  burst?: RateLimitRule;
  whenStoreFails: WhenStoreFails;
}

export interface RateLimitUsage {
  /** Points used in the current window, this one included. */
  consumed: number;
  remaining: number;
}

/** Refused: the key has used its points; come back after `retryAfterSeconds`. */
export class RateLimitedError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('Too many requests.');
    this.name = 'RateLimitedError';
  }
}

/** Counters per key, shared by every replica when the store is. */
export interface RateLimiter {
  /** Reserves `points` atomically; throws RateLimitedError when they are not available. */
  consume(key: string, points?: number): Promise<RateLimitUsage>;
  /** Gives back points reserved for an attempt that turned out not to count. */
  reward(key: string, points?: number): Promise<void>;
  /** Refuses the key for `seconds`, whatever its count. */
  block(key: string, seconds: number): Promise<void>;
  /** Forgets the key. */
  delete(key: string): Promise<void>;
}

/** Builds limiters on the configured store; features inject this, never the store. */
export abstract class RateLimiters {
  abstract create(spec: RateLimiterSpec): RateLimiter;
}

/** Retry-After in whole seconds, never 0 while refused. */
export function retryAfterSeconds(msBeforeNext: number): number {
  return Math.max(1, Math.ceil(msBeforeNext / 1000));
}
