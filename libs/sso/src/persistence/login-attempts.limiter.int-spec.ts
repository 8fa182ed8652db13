import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { FlexibleRateLimiters, type RateLimitStore } from '@rollcall/rate-limit';
import { LOGIN_THROTTLE, accountAtAddressKey } from '../domain/login-throttle.policy';
import { SsoError } from '../domain/sso.error';
import { LoginAttemptsLimiter } from './login-attempts.limiter';

const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

describe('LoginAttemptsLimiter on Redis', () => {
  let client: Redis;
  let store: RateLimitStore;
  let attempts: LoginAttemptsLimiter;

  beforeAll(async () => {
    client = new Redis(REDIS_URL);
    await client.ping();
    store = { kind: 'redis', client, keyPrefix: `rollcall-test-${randomUUID()}` };
    attempts = new LoginAttemptsLimiter(new FlexibleRateLimiters(store));
  });

  afterAll(async () => {
    if (store.kind === 'redis') {
      const keys = await client.keys(`${store.keyPrefix}:*`);
      if (keys.length) await client.del(...keys);
    }
    client.disconnect();
  });

  async function failTimes(email: string, address: string, times: number): Promise<void> {
    for (let i = 0; i < times; i += 1) {
      await attempts.failed(await attempts.reserve(email, address));
    }
  }

  async function refusal(email: string, address: string): Promise<SsoError> {
    const error = await attempts.reserve(email, address).then(
      () => undefined,
      (e: unknown) => e,
    );
    if (!(error instanceof SsoError)) throw new Error('expected the attempt to be refused');
    expect(error.code).toBe('TOO_MANY_ATTEMPTS');
    return error;
  }

  /** What another replica sees once a lockout has run out: the pair's counter is gone. */
  async function lockoutEnds(email: string, address: string): Promise<void> {
    await new FlexibleRateLimiters(store)
      .create({
        name: 'login:account-address',
        rule: LOGIN_THROTTLE.accountAtAddress,
        whenStoreFails: 'count-in-memory',
      })
      .delete(accountAtAddressKey(email, address));
  }

  it('locks an e-mail at one address after 10 failures, each next lockout twice as long', async () => {
    const email = 'admin@backoff.example';
    const address = '198.51.100.7';
    await failTimes(email, address, 10);
    const first = (await refusal(email, address)).retryAfterSeconds ?? 0;
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThanOrEqual(15 * 60);

    await lockoutEnds(email, address);
    await failTimes(email, address, 10);
    const second = (await refusal(email, address)).retryAfterSeconds ?? 0;
    expect(second).toBeGreaterThan(15 * 60);
    expect(second).toBeLessThanOrEqual(30 * 60);

    // The same e-mail from elsewhere is not locked.
    await expect(attempts.reserve(email, '198.51.100.8')).resolves.toMatchObject({ email });
  });

  it('forgets the pair and its lockouts after a success', async () => {
    const email = 'admin@forgiven.example';
    const address = '198.51.100.9';
    await failTimes(email, address, 10);
    await lockoutEnds(email, address);
    await attempts.succeeded(await attempts.reserve(email, address));
    // A fresh window of 10, and a next lockout back at the first length.
    await failTimes(email, address, 10);
    expect((await refusal(email, address)).retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
  });

  it('gives back an attempt that was never checked', async () => {
    const email = 'admin@released.example';
    const address = '198.51.100.10';
    await failTimes(email, address, 9);
    await attempts.release(await attempts.reserve(email, address));
    // The released one did not count: one more is still allowed.
    await expect(attempts.reserve(email, address)).resolves.toMatchObject({ lastInWindow: true });
  });
});
