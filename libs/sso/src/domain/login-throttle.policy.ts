import type { RateLimitRule } from '@rollcall/rate-limit';

const FIFTEEN_MINUTES = 15 * 60;
const ONE_DAY = 24 * 60 * 60;

/**
 * Guessing one admin's password is slowed per (e-mail, client address): a burst from one
 * place cannot lock the real admin out, who signs in from elsewhere. Spraying many e-mails
 * from one address is slowed per address, with a higher cap so an office behind one NAT is
 * not locked out by a typo. Attempts are counted when they start, not when they fail.
 */
export const LOGIN_THROTTLE = {
  accountAtAddress: { points: 10, durationSeconds: FIFTEEN_MINUTES },
  address: { points: 50, durationSeconds: FIFTEEN_MINUTES },
} as const satisfies Record<string, RateLimitRule>;

/** How long lockouts of one (e-mail, address) are remembered for the back-off. */
export const LOCKOUT_MEMORY: RateLimitRule = { points: 1_000_000, durationSeconds: ONE_DAY };

/** Concurrent password checks per process (each a 128 MiB scrypt), and how many may wait. */
export const PASSWORD_CHECKS = { running: 4, waiting: 16 } as const;

/**
 * Growing back-off: the first lockout of an (e-mail, address) lasts the window, each next one
 * twice as long as the one before, up to a day.
 */
export function lockoutSeconds(lockoutNumber: number): number {
  const doublings = Math.max(0, lockoutNumber - 1);
  return Math.min(LOGIN_THROTTLE.accountAtAddress.durationSeconds * 2 ** doublings, ONE_DAY);
}

/** Sign-in is case-insensitive, so `Admin@X.com` and `admin@x.com` share one counter. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

// Scoped, so an e-mail and an address can never share a counter.
export function accountAtAddressKey(email: string, address: string): string {
  return `${normalizeEmail(email)}\n${address}`;
}
