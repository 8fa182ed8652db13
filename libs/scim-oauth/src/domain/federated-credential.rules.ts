import { ScimOAuthError } from './scim-oauth.error';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * An issuer or JWKS URL Rollcall will fetch keys from: https, or http on the loopback
 * interface only (a local issuer during development and tests). No credentials, no fragment.
 */
export function trustedUrl(value: string, what: string, maxLength: number): string {
  const text = value.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw invalid(`${what} must be an https URL.`);
  }
  const secure =
    url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
  if (!secure || url.username || url.password || url.hash || text.length > maxLength) {
    throw invalid(`${what} must be an https URL of at most ${maxLength} characters.`);
  }
  return text;
}

/** A required, exact-match claim value (`sub`, `aud`). */
export function claimValue(value: string | undefined, what: string, maxLength: number): string {
  const text = (value ?? '').trim();
  if (!text || text.length > maxLength) {
    throw invalid(`${what} must be 1 to ${maxLength} characters.`);
  }
  return text;
}

function invalid(message: string): ScimOAuthError {
  return new ScimOAuthError('FEDERATED_CREDENTIAL_INVALID', message);
}
