export const ADMIN_SESSION_COOKIE = 'rollcall_session';

/**
 * Over HTTPS the cookie is `__Host-rollcall_session`: browsers accept that name only with
 * Secure, Path=/ and no Domain, so a sibling subdomain or a plain-http page cannot plant or
 * shadow a session (fixation). Plain http (localhost) keeps the bare name, which the browser
 * would otherwise drop.
 */
export function sessionCookieName(secure: boolean): string {
  return secure ? `__Host-${ADMIN_SESSION_COOKIE}` : ADMIN_SESSION_COOKIE;
}

/**
 * Whether cookies are Secure (and `__Host-`): behind a TLS-terminating proxy on loopback
 * `trust proxy` makes req.secure true; a public https URL makes them Secure even when the
 * proxy is elsewhere.
 */
export function cookiesAreSecure(request: { secure: boolean }, publicUrl: string): boolean {
  return request.secure || publicUrl.startsWith('https:');
}

/**
 * The cookies of a `Cookie` request header (RFC 6265 §5.4: `name=value` pairs joined by
 * `; `). The first of a repeated name wins: browsers send the most specific path first.
 * A value that is not valid percent-encoding is kept as sent rather than rejected.
 */
export function parseCookieHeader(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  if (!header) return cookies;
  for (const pair of header.split(';')) {
    const eq = pair.indexOf('=');
    if (eq < 0) continue;
    const name = pair.slice(0, eq).trim();
    if (!name || cookies.has(name)) continue;
    let value = pair.slice(eq + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
      value = value.slice(1, -1);
    }
    cookies.set(name, decodeCookieValue(value));
  }
  return cookies;
}

function decodeCookieValue(value: string): string {
  if (!value.includes('%')) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** The session secret the browser sent, if any: only under the name this origin sets. */
export function readSessionCookie(header: string | undefined, secure: boolean): string | undefined {
  return parseCookieHeader(header).get(sessionCookieName(secure));
}

export interface SessionCookieOptions {
  /** Only over HTTPS: set when the request came over TLS or the public URL is https. */
  secure: boolean;
  maxAgeSeconds: number;
}

// HttpOnly: scripts never read the secret (the SPA gets the CSRF token in the body instead).
// SameSite=Lax: other sites' forms and fetches do not carry it on POST, the first CSRF layer.
function attributes(secure: boolean): string[] {
  return ['Path=/', 'HttpOnly', 'SameSite=Lax', ...(secure ? ['Secure'] : [])];
}

/** The Set-Cookie value that stores a session secret (base64url: no encoding needed). */
export function sessionCookie(secret: string, options: SessionCookieOptions): string {
  const maxAge = Math.max(0, Math.floor(options.maxAgeSeconds));
  return [
    `${sessionCookieName(options.secure)}=${secret}`,
    `Max-Age=${maxAge}`,
    `Expires=${new Date(Date.now() + maxAge * 1000).toUTCString()}`,
    ...attributes(options.secure),
  ].join('; ');
}

/** The Set-Cookie value that makes the browser forget the session cookie. */
export function clearedSessionCookie(secure: boolean): string {
  return [
    `${sessionCookieName(secure)}=`,
    'Max-Age=0',
    `Expires=${new Date(0).toUTCString()}`,
    ...attributes(secure),
  ].join('; ');
}
