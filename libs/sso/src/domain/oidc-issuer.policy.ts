import { SsoError } from './sso.error';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * A custom provider's issuer as entered, checked before anything is fetched from it: an
 * absolute https URL without credentials, query or fragment (OpenID Connect Discovery §2);
 * plain http only on this machine (a local Keycloak, the tests), never across a network
 * where the discovery document and the keys could be swapped in transit.
 */
export function checkIssuerUrl(value: string): string {
  const issuer = value.trim();
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    throw invalidIssuer('The issuer must be an absolute URL, e.g. https://login.example.com.');
  }
  if (
    url.protocol !== 'https:' &&
    !(url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))
  ) {
    throw invalidIssuer('The issuer must use https (plain http only for localhost or 127.0.0.1).');
  }
  if (url.username || url.password || url.search || url.hash || issuer.includes('#')) {
    throw invalidIssuer('The issuer must not contain credentials, a query or a fragment.');
  }
  return issuer;
}

function invalidIssuer(message: string): SsoError {
  return new SsoError('OIDC_ISSUER_INVALID', message);
}
