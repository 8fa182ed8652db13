import {
  Inject,
  Logger,
  Module,
  type DynamicModule,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { Redis } from 'ioredis';
import { FlexibleRateLimiters } from './flexible-rate-limiters';
import { RateLimiters } from './rate-limiter';

export interface RateLimitOptions {
  /** Shared counters for every replica; without it each process counts alone. */
  redisUrl?: string;
  /** Namespaces the counters in a Redis other software (or another Rollcall) also uses. */
  keyPrefix: string;
}

const REDIS_CLIENT = Symbol('RATE_LIMIT_REDIS_CLIENT');

async function connectRedis(url: string): Promise<Redis> {
  const logger = new Logger('RateLimit');
  const client = new Redis(url, {
    // A command while disconnected fails at once (the limiter's fallback applies) instead of
    // queueing behind a reconnect and holding the request.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
  });
  let lastError = 0;
  // ioredis reconnects by itself; an unhandled 'error' event would crash the process.
  client.on('error', (error: Error) => {
    const now = Date.now();
    if (now - lastError < 60_000) return;
    lastError = now;
    logger.warn(`Redis for rate limits is unreachable: ${error.message}`);
  });
  // Briefly wait for the first connection, so the first requests count in Redis; a Redis that
  // is down does not stop the start (each limiter's fallback applies until it is back).
  await new Promise<void>((settled) => {
    const timer = setTimeout(settled, 3_000);
    const done = () => {
      clearTimeout(timer);
      settled();
    };
    client.once('ready', done);
    client.once('error', done);
  });
  return client;
}

/** Closes the Redis connection on shutdown, so the process can exit. */
class RedisLifecycle implements OnApplicationShutdown {
  constructor(@Inject(REDIS_CLIENT) private readonly client: Redis | null) {}

  onApplicationShutdown(): void {
    this.client?.disconnect();
  }
}

/** Provides RateLimiters everywhere: on Redis when a URL is configured, else in memory. */
@Module({})
export class RateLimitModule {
  static forRoot(options: RateLimitOptions): DynamicModule {
    return {
      module: RateLimitModule,
      global: true,
      providers: [
        {
          provide: REDIS_CLIENT,
          useFactory: () => (options.redisUrl ? connectRedis(options.redisUrl) : null),
        },
        {
          provide: RateLimiters,
          inject: [REDIS_CLIENT],
          useFactory: (client: Redis | null) =>
            new FlexibleRateLimiters(
              client ? { kind: 'redis', client, keyPrefix: options.keyPrefix } : { kind: 'memory' },
            ),
        },
        RedisLifecycle,
      ],
      exports: [RateLimiters],
    };
  }
}
