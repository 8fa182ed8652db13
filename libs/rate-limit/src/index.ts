export { RateLimitModule } from './rate-limit.module';
export type { RateLimitOptions } from './rate-limit.module';
export { RateLimitedError, RateLimiters, retryAfterSeconds } from './rate-limiter';
export type {
  RateLimitRule,
  RateLimitUsage,
  RateLimiter,
  RateLimiterSpec,
  WhenStoreFails,
} from './rate-limiter';
export { FlexibleRateLimiters } from './flexible-rate-limiters';
export type { RateLimitStore } from './flexible-rate-limiters';
export { ConcurrencyLimitError, ConcurrencyLimiter } from './concurrency.limiter';
