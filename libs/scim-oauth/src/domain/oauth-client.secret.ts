import { createHash, randomBytes } from 'node:crypto';

const CLIENT_ID_PREFIX = 'rcc_';
const CLIENT_SECRET_PREFIX = 'rccs_';
const SECRET_BYTES = 32;
/** Enough of the secret to tell secrets apart in a list: 8 random characters, 48 bits. */
const VISIBLE_PREFIX_LENGTH = CLIENT_SECRET_PREFIX.length + 8;

/**
 * A public client id: 12 random characters (72 bits) after `rcc_`, 16 characters in all, so
 * it also fits the provisioning log's credential column as is.
 */
export function generateClientId(): string {
  return CLIENT_ID_PREFIX + randomBytes(9).toString('base64url');
}

export interface ClientSecret {
  /** The secret itself: shown once, never stored. */
  secret: string;
  hash: string;
  prefix: string;
}

/** 32 random bytes, base64url, behind an `rccs_` marker secret scanners can recognise. */
export function generateClientSecret(): ClientSecret {
  const secret = CLIENT_SECRET_PREFIX + randomBytes(SECRET_BYTES).toString('base64url');
  return { secret, hash: hashClientSecret(secret), prefix: secret.slice(0, VISIBLE_PREFIX_LENGTH) };
}

// As for SCIM tokens: a 256-bit random secret needs no slow hash, and a plain SHA-256 keeps
// the lookup one indexed read.
export function hashClientSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}
