import { SsoError } from './sso.error';

/** Enough for an org's own domains; a longer list is more likely a paste of something else. */
export const MAX_JIT_DOMAINS = 50;

const DOMAIN_PATTERN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/**
 * The org's own e-mail domains, lower-cased and deduplicated, for just-in-time creation. A
 * wildcard or an address is refused: JIT for "any domain" would let anyone with a verified
 * address at a public mail provider into the org.
 */
export function normalizeJitDomains(domains: readonly string[]): string[] {
  const normalized = [...new Set(domains.map((d) => d.trim().toLowerCase().replace(/^@/, '')))];
  const invalid = normalized.filter((d) => !DOMAIN_PATTERN.test(d));
  if (invalid.length) {
    throw new SsoError(
      'JIT_DOMAIN_INVALID',
      `Not a domain name: ${invalid.slice(0, 3).join(', ')}. Enter domains like contoso.com.`,
    );
  }
  if (normalized.length > MAX_JIT_DOMAINS) {
    throw new SsoError('JIT_DOMAIN_INVALID', `At most ${MAX_JIT_DOMAINS} domains.`);
  }
  return normalized.sort();
}

/** The domain of an address when it is exactly one of the org's listed domains. */
export function isJitDomain(email: string, domains: readonly string[]): boolean {
  const at = email.lastIndexOf('@');
  if (at <= 0) return false;
  return domains.includes(email.slice(at + 1).toLowerCase());
}
