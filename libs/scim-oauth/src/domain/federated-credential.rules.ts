import { randomBytes } from 'node:crypto';
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

const TENANT_IN_PATH = /^\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:\/|$)/i;

/**
 * The audience a new credential's assertions must carry: chosen by Rollcall and different for
 * every credential, so registering another organization's issuer and subject never matches
 * the assertions their tenant sends (the token endpoint selects by issuer, subject and
 * audience). Entra puts the Application ID URI of the customer's workload identity app in
 * `aud`; for a Microsoft tenant issuer the value has the `api://{tenantId}/{name}` form that
 * Entra's default app management policy lets an admin add to that app. Other issuers get
 * `api://rollcall/{name}`. 128 random bits: not guessable, so not claimable elsewhere.
 */
export function credentialAudience(issuer: string, random: Buffer = randomBytes(16)): string {
  const name = `rollcall-scim-${random.toString('hex')}`;
  let path = '';
  try {
    path = new URL(issuer).pathname;
  } catch {
    // The issuer is checked separately; an unreadable one gets the generic form.
  }
  const tenantId = TENANT_IN_PATH.exec(path)?.[1];
  return tenantId ? `api://${tenantId.toLowerCase()}/${name}` : `api://rollcall/${name}`;
}

function invalid(message: string): ScimOAuthError {
  return new ScimOAuthError('FEDERATED_CREDENTIAL_INVALID', message);
}
