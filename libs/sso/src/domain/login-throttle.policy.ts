import { createHash } from 'node:crypto';

export interface ThrottleLimit {
  /** Failures allowed within the window; the next attempt is refused. */
  maxFailures: number;
  windowMs: number;
}

const FIFTEEN_MINUTES = 15 * 60 * 1000;

/**
 * Guessing one admin's password is slowed per e-mail; spraying many e-mails from one address
 * is slowed per IP, with a higher cap so an office behind one NAT is not locked out by a typo.
 */
export const LOGIN_THROTTLE = {
  email: { maxFailures: 10, windowMs: FIFTEEN_MINUTES },
  ip: { maxFailures: 50, windowMs: FIFTEEN_MINUTES },
} as const satisfies Record<string, ThrottleLimit>;

/** Failures older than this count for nothing and can be purged. */
export const LOGIN_FAILURE_RETENTION_MS = Math.max(
  LOGIN_THROTTLE.email.windowMs,
  LOGIN_THROTTLE.ip.windowMs,
);

export type ThrottleScope = keyof typeof LOGIN_THROTTLE;

/** Sign-in is case-insensitive, so `Admin@X.com` and `admin@x.com` share one counter. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

// Hashed so the table never holds what people typed: a password pasted into the e-mail field
// is a classic. Scoped so an e-mail and an IP can never share a counter.
export function throttleKey(scope: ThrottleScope, value: string): string {
  return createHash('sha256').update(`${scope}:${value}`, 'utf8').digest('hex');
}

/**
 * With the most recent failures within the window (newest first, at most `maxFailures` of
 * them), when attempts are accepted again, or null when they are accepted now. Refused
 * attempts are not recorded, so a lockout ends when the window passes the oldest counted one.
 */
export function lockedUntil(recentFailures: Date[], limit: ThrottleLimit, now: Date): Date | null {
  if (recentFailures.length < limit.maxFailures) return null;
  const oldestCounted = recentFailures[limit.maxFailures - 1];
  if (!oldestCounted) return null;
  const until = new Date(oldestCounted.getTime() + limit.windowMs);
  return until.getTime() > now.getTime() ? until : null;
}

/** Retry-After in whole seconds, never 0 while locked. */
export function secondsUntil(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
}
