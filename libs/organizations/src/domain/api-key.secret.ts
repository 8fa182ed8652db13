import { hash, randomBytes } from 'node:crypto';

export const API_KEY_MARKER = 'rck_';
const SECRET_BYTES = 32;
/** Enough of the key to recognise it in a list; 8 random characters, 48 bits. */
const VISIBLE_PREFIX_LENGTH = API_KEY_MARKER.length + 8;

export interface ApiKeySecret {
  /** The key itself: shown once, never stored. */
  key: string;
  hash: string;
  prefix: string;
}

/**
 * An admin API key: 32 random bytes, base64url, after an `rck_` marker so that secret
 * scanners and people recognise a leaked Rollcall key (SCIM tokens say `rcs_`).
 */
export function generateApiKeySecret(): ApiKeySecret {
  const key = API_KEY_MARKER + randomBytes(SECRET_BYTES).toString('base64url');
  return { key, hash: hashApiKey(key), prefix: key.slice(0, VISIBLE_PREFIX_LENGTH) };
}

// As for SCIM tokens: a plain SHA-256 suits 256-bit random secrets (nothing to brute-force)
// and keeps the lookup one indexed read.
export function hashApiKey(key: string): string {
  return hash('sha256', key, 'hex');
}
