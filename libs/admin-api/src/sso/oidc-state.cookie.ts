import { OIDC_AUTHORIZATION_LIFETIME_MS } from '@rollcall/sso';
import { parseCookieHeader } from '../auth/session.cookie';

export const OIDC_STATE_COOKIE = 'rollcall_oidc_state';
export const MEMBER_SESSION_COOKIE = 'rollcall_member_session';

/**
 * Over HTTPS the names carry the browser-enforced prefixes (RFC 6265bis §4.1.3): the member
 * session is `__Host-` (Secure, Path=/, no Domain) like the admin session; the state cookie,
 * scoped to /api, is `__Secure-`. A sibling subdomain or a plain-http page cannot plant either.
 */
export function memberSessionCookieName(secure: boolean): string {
  return secure ? `__Host-${MEMBER_SESSION_COOKIE}` : MEMBER_SESSION_COOKIE;
}

function oidcStateCookieName(secure: boolean): string {
  return secure ? `__Secure-${OIDC_STATE_COOKIE}` : OIDC_STATE_COOKIE;
}

// The state is also kept in the browser: a callback URL replayed into another browser (login
// CSRF, a leaked link) has no matching cookie. SameSite=Lax still rides Microsoft's top-level
// redirect back to us.
function attributes(secure: boolean): string[] {
  return ['Path=/api', 'HttpOnly', 'SameSite=Lax', ...(secure ? ['Secure'] : [])];
}

export function oidcStateCookie(state: string, secure: boolean): string {
  return [
    `${oidcStateCookieName(secure)}=${state}`,
    `Max-Age=${Math.floor(OIDC_AUTHORIZATION_LIFETIME_MS / 1000)}`,
    ...attributes(secure),
  ].join('; ');
}

export function clearedOidcStateCookie(secure: boolean): string {
  return [`${oidcStateCookieName(secure)}=`, 'Max-Age=0', ...attributes(secure)].join('; ');
}

export function readOidcStateCookie(
  header: string | undefined,
  secure: boolean,
): string | undefined {
  return parseCookieHeader(header).get(oidcStateCookieName(secure));
}

export function memberSessionCookie(
  secret: string,
  maxAgeSeconds: number,
  secure: boolean,
): string {
  return [
    `${memberSessionCookieName(secure)}=${secret}`,
    `Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

export function readMemberSessionCookie(
  header: string | undefined,
  secure: boolean,
): string | undefined {
  return parseCookieHeader(header).get(memberSessionCookieName(secure));
}

/** The Microsoft callback's `state` when it matches this browser's cookie, else undefined. */
export function browserBoundState(
  queryState: unknown,
  cookieHeader: string | undefined,
  secure: boolean,
): string | undefined {
  const cookie = readOidcStateCookie(cookieHeader, secure);
  return typeof queryState === 'string' && cookie !== undefined && cookie === queryState
    ? queryState
    : undefined;
}
