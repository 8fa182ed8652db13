import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { FlexibleRateLimiters, type RateLimitStore } from './flexible-rate-limiters';
import { RateLimitedError, type RateLimiter } from './rate-limiter';

const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

async function outcomes(limiter: RateLimiter, key: string, attempts: number) {
  const settled = await Promise.allSettled(
    Array.from({ length: attempts }, () => limiter.consume(key)),
  );
  const refused = settled.filter(
    (s) => s.status === 'rejected' && s.reason instanceof RateLimitedError,
  );
  return { allowed: settled.filter((s) => s.status === 'fulfilled').length, refused };
}

describe.each(['memory', 'redis'] as const)('FlexibleRateLimiters on %s', (kind) => {
  let client: Redis | undefined;
  let store: RateLimitStore;

  beforeAll(async () => {
    if (kind === 'memory') {
      store = { kind: 'memory' };
      return;
    }
    client = new Redis(REDIS_URL);
    // Ready before the first count: an unready client would fall back and prove nothing.
    await client.ping();
    store = { kind: 'redis', client, keyPrefix: `rollcall-test-${randomUUID()}` };
  });

  /** Counters written to Redis, so a pass cannot come from the in-memory fallback. */
  async function storedKeys(name: string): Promise<number> {
    if (!client || store.kind !== 'redis') return name === 'bursty' ? 2 : 1;
    return (await client.keys(`${store.keyPrefix}:${name}:*`)).length;
  }

  afterAll(async () => {
    if (client && store.kind === 'redis') {
      const keys = await client.keys(`${store.keyPrefix}:*`);
      if (keys.length) await client.del(...keys);
      client.disconnect();
    }
  });

  it('reserves atomically: of 40 parallel attempts exactly the limit get through', async () => {
    const limiter = new FlexibleRateLimiters(store).create({
      name: 'atomic',
      rule: { points: 10, durationSeconds: 60 },
      whenStoreFails: 'count-in-memory',
    });
    const { allowed, refused } = await outcomes(limiter, 'k', 40);
    expect(allowed).toBe(10);
    expect(refused).toHaveLength(30);
    const retryAfter = (refused[0] as PromiseRejectedResult).reason as RateLimitedError;
    expect(retryAfter.retryAfterSeconds).toBeGreaterThan(0);
    expect(retryAfter.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(await storedKeys('atomic')).toBe(1);
  });

  it('draws on the burst once the steady rate is spent', async () => {
    const limiter = new FlexibleRateLimiters(store).create({
      name: 'bursty',
      rule: { points: 3, durationSeconds: 60 },
      burst: { points: 4, durationSeconds: 60 },
      whenStoreFails: 'allow',
    });
    expect((await outcomes(limiter, 'k', 10)).allowed).toBe(7);
    // The steady counter and the burst counter.
    expect(await storedKeys('bursty')).toBe(2);
  });

  it('gives back rewarded points, blocks, and forgets deleted keys', async () => {
    const limiter = new FlexibleRateLimiters(store).create({
      name: 'lifecycle',
      rule: { points: 2, durationSeconds: 60 },
      whenStoreFails: 'count-in-memory',
    });
    await limiter.consume('a');
    await limiter.consume('a');
    await expect(limiter.consume('a')).rejects.toBeInstanceOf(RateLimitedError);
    await limiter.delete('a');
    await limiter.consume('a');
    await limiter.reward('a');
    expect((await limiter.consume('a')).consumed).toBe(1);

    await limiter.block('b', 600);
    const blocked = await limiter.consume('b').catch((error: unknown) => error);
    expect(blocked).toBeInstanceOf(RateLimitedError);
    expect((blocked as RateLimitedError).retryAfterSeconds).toBeGreaterThan(60);
  });

  it('keeps separate counters per key and per limiter name', async () => {
    const limiters = new FlexibleRateLimiters(store);
    const spec = { rule: { points: 1, durationSeconds: 60 }, whenStoreFails: 'allow' as const };
    const one = limiters.create({ ...spec, name: 'one' });
    const two = limiters.create({ ...spec, name: 'two' });
    await one.consume('k');
    await one.consume('other');
    await two.consume('k');
    await expect(one.consume('k')).rejects.toBeInstanceOf(RateLimitedError);
  });
});

describe('FlexibleRateLimiters when Redis is down', () => {
  let client: Redis;

  beforeAll(() => {
    // A port nothing listens on: every command fails at once.
    client = new Redis('redis://127.0.0.1:1', {
      enableOfflineQueue: false,
      lazyConnect: true,
      retryStrategy: () => null,
    });
    client.on('error', () => undefined);
  });

  afterAll(() => client.disconnect());

  const store = (): RateLimitStore => ({ kind: 'redis', client, keyPrefix: 'down' });

  it('lets generous limits through', async () => {
    const limiter = new FlexibleRateLimiters(store()).create({
      name: 'open',
      rule: { points: 1, durationSeconds: 60 },
      whenStoreFails: 'allow',
    });
    expect((await outcomes(limiter, 'k', 5)).allowed).toBe(5);
  });

  it('keeps counting guarded limits in memory', async () => {
    const limiter = new FlexibleRateLimiters(store()).create({
      name: 'insured',
      rule: { points: 3, durationSeconds: 60 },
      whenStoreFails: 'count-in-memory',
    });
    expect((await outcomes(limiter, 'k', 8)).allowed).toBe(3);
  });
});
