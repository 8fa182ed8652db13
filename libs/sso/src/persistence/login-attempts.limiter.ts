import { Injectable } from '@nestjs/common';
import { RateLimitedError, RateLimiters, type RateLimiter } from '@rollcall/rate-limit';
import {
  LOCKOUT_MEMORY,
  LOGIN_THROTTLE,
  accountAtAddressKey,
  lockoutSeconds,
} from '../domain/login-throttle.policy';
import { SsoError } from '../domain/sso.error';

/** A password attempt that was let through; settle it once the hash has been checked. */
export interface ReservedAttempt {
  email: string;
  address: string;
  /** True when this was the last attempt the pair's window allows. */
  lastInWindow: boolean;
}

function tooManyAttempts(retryAfterSeconds: number): SsoError {
  return new SsoError(
    'TOO_MANY_ATTEMPTS',
    'Too many failed sign-in attempts. Try again later.',
    retryAfterSeconds,
  );
}

/**
 * Password sign-in counters, shared by every replica through the rate-limit store. An attempt
 * is reserved atomically before its hash is checked, so a parallel burst cannot slip past the
 * cap while earlier guesses are still being hashed. Guards secrets: when Redis is away it
 * keeps counting in memory rather than letting guesses through.
 */
@Injectable()
export class LoginAttemptsLimiter {
  private readonly perAccountAtAddress: RateLimiter;
  private readonly perAddress: RateLimiter;
  private readonly lockouts: RateLimiter;

  constructor(limiters: RateLimiters) {
    const guarded = { whenStoreFails: 'count-in-memory' } as const;
    this.perAccountAtAddress = limiters.create({
      ...guarded,
      name: 'login:account-address',
      rule: LOGIN_THROTTLE.accountAtAddress,
    });
    this.perAddress = limiters.create({
      ...guarded,
      name: 'login:address',
      rule: LOGIN_THROTTLE.address,
    });
    this.lockouts = limiters.create({ ...guarded, name: 'login:lockouts', rule: LOCKOUT_MEMORY });
  }

  /** Takes one attempt from the address and from the (e-mail, address) pair, or refuses. */
  async reserve(email: string, address: string): Promise<ReservedAttempt> {
    try {
      await this.perAddress.consume(address);
    } catch (error) {
      throw error instanceof RateLimitedError ? tooManyAttempts(error.retryAfterSeconds) : error;
    }
    const pair = accountAtAddressKey(email, address);
    try {
      const usage = await this.perAccountAtAddress.consume(pair);
      return { email, address, lastInWindow: usage.remaining === 0 };
    } catch (error) {
      // Not checked, so it is not held against the address.
      await this.perAddress.reward(address);
      throw error instanceof RateLimitedError ? tooManyAttempts(error.retryAfterSeconds) : error;
    }
  }

  /**
   * One guarded check (a password, a second-factor code): reserved first, held against the
   * pair when `check` answers null, forgiven when it answers a value, not counted when it throws.
   */
  async guard<T>(
    email: string,
    address: string,
    check: () => Promise<T | null>,
  ): Promise<T | null> {
    const attempt = await this.reserve(email, address);
    let result: T | null;
    try {
      result = await check();
    } catch (error) {
      await this.release(attempt);
      throw error;
    }
    if (result === null) await this.failed(attempt);
    else await this.succeeded(attempt);
    return result;
  }

  /** The attempt was refused before its hash was checked: it does not count. */
  async release(attempt: ReservedAttempt): Promise<void> {
    await this.perAddress.reward(attempt.address);
    await this.perAccountAtAddress.reward(accountAtAddressKey(attempt.email, attempt.address));
  }

  /**
   * A wrong password. The failure that spends the pair's window locks the pair out, each
   * lockout twice as long as the one before: only one attempt per window can be the last, so
   * concurrent failures cannot escalate twice.
   */
  async failed(attempt: ReservedAttempt): Promise<void> {
    if (!attempt.lastInWindow) return;
    const pair = accountAtAddressKey(attempt.email, attempt.address);
    const { consumed } = await this.lockouts.consume(pair);
    await this.perAccountAtAddress.block(pair, lockoutSeconds(Math.max(1, consumed)));
  }

  /**
   * The right password: the pair is forgiven, and the attempt is not held against the address.
   * One good password does not reset the address: it must not wipe a spray across e-mails.
   */
  async succeeded(attempt: ReservedAttempt): Promise<void> {
    const pair = accountAtAddressKey(attempt.email, attempt.address);
    await this.perAccountAtAddress.delete(pair);
    await this.lockouts.delete(pair);
    await this.perAddress.reward(attempt.address);
  }
}
