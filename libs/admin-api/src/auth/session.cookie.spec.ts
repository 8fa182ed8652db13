import {
  ADMIN_SESSION_COOKIE,
  clearedSessionCookie,
  cookiesAreSecure,
  parseCookieHeader,
  readSessionCookie,
  sessionCookie,
} from './session.cookie';

describe('parseCookieHeader', () => {
  it.each([
    [undefined, {}],
    ['', {}],
    ['a=1', { a: '1' }],
    ['a=1; b=2', { a: '1', b: '2' }],
    ['a=1;b=2;  c = 3 ', { a: '1', b: '2', c: '3' }],
    ['a="quoted"', { a: 'quoted' }],
    ['a=x%20y', { a: 'x y' }],
    ['a=%zz', { a: '%zz' }],
    ['a=1=2', { a: '1=2' }],
    ['flag; a=1; =nameless', { a: '1' }],
    ['a=', { a: '' }],
  ])('parses %j', (header, expected) => {
    expect(Object.fromEntries(parseCookieHeader(header))).toEqual(expected);
  });

  it('keeps the first of a repeated name (the most specific path comes first)', () => {
    expect(parseCookieHeader('a=first; a=second').get('a')).toBe('first');
  });

  it('is not fooled by names on Object.prototype', () => {
    const cookies = parseCookieHeader('__proto__=x; constructor=y');
    expect(cookies.get('__proto__')).toBe('x');
    expect(cookies.get('constructor')).toBe('y');
    expect(parseCookieHeader('a=1').get('constructor')).toBeUndefined();
  });
});

describe('readSessionCookie', () => {
  it('picks the session cookie among others', () => {
    expect(readSessionCookie(`theme=dark; ${ADMIN_SESSION_COOKIE}=abc; x=1`, false)).toBe('abc');
    expect(readSessionCookie('theme=dark', false)).toBeUndefined();
    expect(readSessionCookie(undefined, false)).toBeUndefined();
  });

  it('over HTTPS reads only the __Host- cookie, so a planted bare one is ignored', () => {
    const header = `${ADMIN_SESSION_COOKIE}=planted; __Host-${ADMIN_SESSION_COOKIE}=mine`;
    expect(readSessionCookie(header, true)).toBe('mine');
    expect(readSessionCookie(`${ADMIN_SESSION_COOKIE}=planted`, true)).toBeUndefined();
    expect(readSessionCookie(`__Host-${ADMIN_SESSION_COOKIE}=mine`, false)).toBeUndefined();
  });
});

describe('cookiesAreSecure', () => {
  it('is true over TLS or when the public URL is https', () => {
    expect(cookiesAreSecure({ secure: true }, 'http://localhost:3000')).toBe(true);
    expect(cookiesAreSecure({ secure: false }, 'https://ids.example.com')).toBe(true);
    expect(cookiesAreSecure({ secure: false }, 'http://localhost:3000')).toBe(false);
  });
});

describe('sessionCookie', () => {
  const attributes = (cookie: string) => cookie.split('; ');

  it('is HttpOnly, SameSite=Lax, on every path, with a lifetime', () => {
    const cookie = sessionCookie('s3cret', { secure: false, maxAgeSeconds: 3600.7 });
    expect(cookie.startsWith(`${ADMIN_SESSION_COOKIE}=s3cret; `)).toBe(true);
    expect(attributes(cookie)).toEqual(
      expect.arrayContaining(['Max-Age=3600', 'Path=/', 'HttpOnly', 'SameSite=Lax']),
    );
    expect(attributes(cookie)).not.toContain('Secure');
    expect(cookie).toMatch(/; Expires=\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT;/);
  });

  it('is Secure and __Host- prefixed when asked (Path=/ and no Domain, as the prefix needs)', () => {
    const cookie = sessionCookie('s', { secure: true, maxAgeSeconds: 1 });
    expect(cookie.startsWith(`__Host-${ADMIN_SESSION_COOKIE}=s; `)).toBe(true);
    expect(attributes(cookie)).toEqual(expect.arrayContaining(['Secure', 'Path=/']));
    expect(cookie).not.toMatch(/Domain=/i);
  });

  it('never has a negative lifetime', () => {
    expect(sessionCookie('s', { secure: false, maxAgeSeconds: -5 })).toContain('Max-Age=0');
  });
});

describe('clearedSessionCookie', () => {
  it('empties the cookie with the same attributes, so the browser replaces it', () => {
    const cookie = clearedSessionCookie(true);
    expect(cookie).toBe(
      `__Host-${ADMIN_SESSION_COOKIE}=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/; HttpOnly; SameSite=Lax; Secure`,
    );
  });
});
