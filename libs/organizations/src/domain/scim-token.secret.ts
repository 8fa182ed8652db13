import { hash, randomBytes } from 'node:crypto';

const TOKEN_PREFIX = 'rcs_';
const SECRET_BYTES = 32;
/** Enough of the token to recognise it in a list; 8 random characters, 48 bits. */
const VISIBLE_PREFIX_LENGTH = TOKEN_PREFIX.length + 8;

export interface ScimTokenSecret {
  /** The bearer token itself: shown once, never stored. */
  token: string;
  hash: string;
  prefix: string;
}

/**
 * A SCIM secret token: 32 random bytes, base64url. The `rcs_` marker lets secret scanners
 * and people recognise a leaked Rollcall token.
 */
export function generateScimTokenSecret(): ScimTokenSecret {
  const token = TOKEN_PREFIX + randomBytes(SECRET_BYTES).toString('base64url');
  return { token, hash: hashScimToken(token), prefix: token.slice(0, VISIBLE_PREFIX_LENGTH) };
}

// A plain SHA-256 is right for 256-bit random secrets: there is nothing to brute-force, and
// lookups by hash stay one indexed read (or a cache hit) on every SCIM request. The one-shot
// crypto.hash is a third of createHash's cost, which shows once the lookup is cached.
export function hashScimToken(token: string): string {
  return hash('sha256', token, 'hex');
}
