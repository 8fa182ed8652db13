import { OIDC_AUTHORIZATION_LIFETIME_MS } from '@rollcall/sso';
import { parseCookieHeader } from '../auth/session.cookie';

export const OIDC_STATE_COOKIE = 'rollcall_oidc_state';
export const MEMBER_SESSION_COOKIE = 'rollcall_member_session';

// The state is also kept in the browser: a callback URL replayed into another browser (login
// CSRF, a leaked link) has no matching cookie. SameSite=Lax still rides Microsoft's top-level
// redirect back to us.
function attributes(secure: boolean): string[] {
  return ['Path=/api', 'HttpOnly', 'SameSite=Lax', ...(secure ? ['Secure'] : [])];
}

export function oidcStateCookie(state: string, secure: boolean): string {
  return [
    `${OIDC_STATE_COOKIE}=${state}`,
    `Max-Age=${Math.floor(OIDC_AUTHORIZATION_LIFETIME_MS / 1000)}`,
    ...attributes(secure),
  ].join('; ');
}

export function clearedOidcStateCookie(secure: boolean): string {
  return [`${OIDC_STATE_COOKIE}=`, 'Max-Age=0', ...attributes(secure)].join('; ');
}

export function readOidcStateCookie(header: string | undefined): string | undefined {
  return parseCookieHeader(header).get(OIDC_STATE_COOKIE);
}

export function memberSessionCookie(
  secret: string,
  maxAgeSeconds: number,
  secure: boolean,
): string {
  return [
    `${MEMBER_SESSION_COOKIE}=${secret}`,
    `Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

export function readMemberSessionCookie(header: string | undefined): string | undefined {
  return parseCookieHeader(header).get(MEMBER_SESSION_COOKIE);
}

/** The Microsoft callback's `state` when it matches this browser's cookie, else undefined. */
export function browserBoundState(
  queryState: unknown,
  cookieHeader: string | undefined,
): string | undefined {
  const cookie = readOidcStateCookie(cookieHeader);
  return typeof queryState === 'string' && cookie !== undefined && cookie === queryState
    ? queryState
    : undefined;
}
