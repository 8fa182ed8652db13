import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const SECRET_BYTES = 32;
/** base64url of 32 bytes, no padding. */
const SECRET_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export interface SessionSecret {
  /** What the browser holds in its cookie: never stored. */
  secret: string;
  /** What the database holds: SHA-256 of the secret, hex. */
  id: string;
}

export function generateSessionSecret(): SessionSecret {
  const secret = randomBytes(SECRET_BYTES).toString('base64url');
  return { secret, id: sessionIdOf(secret) };
}

// A plain SHA-256 is right for 256-bit random secrets (nothing to brute-force), and keeps the
// lookup one indexed read per request. A database leak then yields no usable cookie.
export function sessionIdOf(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Anything else (a tampered or truncated cookie) is rejected before touching the database. */
export function isWellFormedSessionSecret(value: string): boolean {
  return SECRET_PATTERN.test(value);
}

export function generateCsrfToken(): string {
  return randomBytes(SECRET_BYTES).toString('base64url');
}

/** Constant-time comparison; hashing first makes both sides the same length. */
export function csrfTokenMatches(expected: string, presented: string | undefined): boolean {
  if (!presented || !expected) return false;
  const a = createHash('sha256').update(expected, 'utf8').digest();
  const b = createHash('sha256').update(presented, 'utf8').digest();
  return timingSafeEqual(a, b);
}
