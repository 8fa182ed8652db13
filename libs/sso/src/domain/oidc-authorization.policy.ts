import { createHash, randomBytes } from 'node:crypto';

/** Long enough to sign in to Microsoft and consent; short enough that a leaked state is stale. */
export const OIDC_AUTHORIZATION_LIFETIME_MS = 10 * 60 * 1000;

/** 32 random bytes, base64url: for `state`, `nonce` and the PKCE verifier (RFC 7636 §4.1). */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

export function stateIdOf(state: string): string {
  return createHash('sha256').update(state, 'utf8').digest('hex');
}

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function isWellFormedState(value: unknown): value is string {
  return typeof value === 'string' && TOKEN_PATTERN.test(value);
}
