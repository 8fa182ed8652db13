import type { Request } from 'express';

const BEARER = /^Bearer[ \t]+(\S*)[ \t]*$/i;

/**
 * The credential of `Authorization: Bearer <key>` (RFC 6750 §2.1), '' for a Bearer header
 * without one, undefined when the request sends no Bearer credential at all.
 */
export function bearerCredentialOf(request: Request): string | undefined {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return undefined;
  const match = BEARER.exec(header.trim());
  if (!match) return /^Bearer\b/i.test(header.trim()) ? '' : undefined;
  return match[1] ?? '';
}
