import { createHash } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import {
  BurstyRateLimiter,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import {
  RateLimitedError,
  RateLimiters,
  retryAfterSeconds,
  type RateLimitRule,
  type RateLimitUsage,
  type RateLimiter,
  type RateLimiterSpec,
  type WhenStoreFails,
} from './rate-limiter';

/** Where the counters live: this process's memory, or a Redis every replica shares. */
export type RateLimitStore =
  { kind: 'memory' } | { kind: 'redis'; client: Redis; keyPrefix: string };

// A store outage is logged, but not once per request.
const WARN_EVERY_MS = 60_000;

/** rate-limiter-flexible on memory or Redis (one atomic Lua INCR per consume). */
export class FlexibleRateLimiters extends RateLimiters {
  constructor(
    private readonly store: RateLimitStore,
    private readonly logger = new Logger('RateLimit'),
  ) {
    super();
  }

  create(spec: RateLimiterSpec): RateLimiter {
    const main = this.limiter(spec.name, spec.rule, spec.whenStoreFails);
    const burst = spec.burst
      ? this.limiter(`${spec.name}:burst`, spec.burst, spec.whenStoreFails)
      : undefined;
    return new FlexibleRateLimiter(spec, main, burst, this.logger);
  }

  private limiter(name: string, rule: RateLimitRule, whenStoreFails: WhenStoreFails) {
    const options = { keyPrefix: name, points: rule.points, duration: rule.durationSeconds };
    if (this.store.kind === 'memory') return new RateLimiterMemory(options);
    return new RateLimiterRedis({
      ...options,
      keyPrefix: `${this.store.keyPrefix}:${name}`,
      storeClient: this.store.client,
      // Without this a command waits for a reconnect that may never come, holding the request.
      rejectIfRedisNotReady: true,
      insuranceLimiter:
        whenStoreFails === 'count-in-memory' ? new RateLimiterMemory(options) : undefined,
    });
  }
}

// Keys are hashed: the store never holds what people typed (a password pasted into the
// e-mail field is a classic) nor a readable list of client addresses.
function storeKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('base64url');
}

class FlexibleRateLimiter implements RateLimiter {
  private readonly consumer: RateLimiterAbstract | BurstyRateLimiter;
  private lastWarning = 0;

  constructor(
    private readonly spec: RateLimiterSpec,
    private readonly main: RateLimiterAbstract,
    private readonly burst: RateLimiterAbstract | undefined,
    private readonly logger: Logger,
  ) {
    this.consumer = burst ? new BurstyRateLimiter(main, burst) : main;
  }

  async consume(key: string, points = 1): Promise<RateLimitUsage> {
    try {
      const res = await this.consumer.consume(storeKey(key), points);
      return { consumed: res.consumedPoints, remaining: res.remainingPoints };
    } catch (error) {
      if (error instanceof RateLimiterRes) {
        throw new RateLimitedError(retryAfterSeconds(error.msBeforeNext));
      }
      // Only `allow` limiters get here: the others count in memory while the store is away.
      this.storeFailed(error);
      return { consumed: 0, remaining: this.spec.rule.points };
    }
  }

  async reward(key: string, points = 1): Promise<void> {
    await this.quietly(() => this.main.reward(storeKey(key), points));
  }

  async block(key: string, seconds: number): Promise<void> {
    await this.quietly(() => this.main.block(storeKey(key), seconds));
  }

  async delete(key: string): Promise<void> {
    await this.quietly(async () => {
      await this.main.delete(storeKey(key));
      await this.burst?.delete(storeKey(key));
    });
  }

  private async quietly(action: () => Promise<unknown>): Promise<void> {
    try {
      await action();
    } catch (error) {
      this.storeFailed(error);
    }
  }

  private storeFailed(error: unknown): void {
    const now = Date.now();
    if (now - this.lastWarning < WARN_EVERY_MS) return;
    this.lastWarning = now;
    this.logger.warn(
      `Rate-limit store unavailable (${error instanceof Error ? error.message : String(error)}): "${this.spec.name}" is ${this.spec.whenStoreFails === 'allow' ? 'not enforced' : 'counted per process'} until it is back`,
    );
  }
}
