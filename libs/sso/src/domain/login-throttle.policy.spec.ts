import {
  LOGIN_THROTTLE,
  lockedUntil,
  normalizeEmail,
  secondsUntil,
  throttleKey,
} from './login-throttle.policy';

const MINUTE = 60_000;
const now = new Date('2025-06-01T12:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);
/** `count` failures, newest first, one a minute from `newest` ago. */
const failures = (count: number, newest = 0) =>
  Array.from({ length: count }, (_, i) => ago(newest + i * MINUTE));

describe('login throttle policy', () => {
  const limit = LOGIN_THROTTLE.email;

  it('allows up to 10 failures per e-mail and 50 per IP in 15 minutes', () => {
    expect(LOGIN_THROTTLE.email).toEqual({ maxFailures: 10, windowMs: 15 * MINUTE });
    expect(LOGIN_THROTTLE.ip).toEqual({ maxFailures: 50, windowMs: 15 * MINUTE });
  });

  it('does not lock below the limit', () => {
    expect(lockedUntil([], limit, now)).toBeNull();
    expect(lockedUntil(failures(9), limit, now)).toBeNull();
  });

  it('locks at the limit until the window passes the oldest counted failure', () => {
    // Failures 0..9 minutes ago: the oldest (9 min) leaves the window in 6 minutes.
    expect(lockedUntil(failures(10), limit, now)).toEqual(new Date(now.getTime() + 6 * MINUTE));
  });

  it('counts only the newest maxFailures', () => {
    const recent = [...failures(10), ago(14 * MINUTE)];
    expect(lockedUntil(recent, limit, now)).toEqual(new Date(now.getTime() + 6 * MINUTE));
  });

  it('is unlocked once the window has passed', () => {
    expect(lockedUntil(failures(10, 15 * MINUTE), limit, now)).toBeNull();
  });

  it('rounds Retry-After up and never to zero', () => {
    expect(secondsUntil(new Date(now.getTime() + 1500), now)).toBe(2);
    expect(secondsUntil(new Date(now.getTime() + 1), now)).toBe(1);
    expect(secondsUntil(now, now)).toBe(1);
  });

  it('normalises e-mails so spellings share a counter', () => {
    expect(normalizeEmail('  Admin@Example.COM ')).toBe('admin@example.com');
  });

  it('keys by scope, as a hash that does not contain the input', () => {
    const key = throttleKey('email', 'admin@example.com');
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(key).toBe(throttleKey('email', 'admin@example.com'));
    expect(key).not.toBe(throttleKey('ip', 'admin@example.com'));
  });
});
