import {
  ADMIN_SESSION_COOKIE,
  clearedSessionCookie,
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
    expect(readSessionCookie(`theme=dark; ${ADMIN_SESSION_COOKIE}=abc; x=1`)).toBe('abc');
    expect(readSessionCookie('theme=dark')).toBeUndefined();
    expect(readSessionCookie(undefined)).toBeUndefined();
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

  it('is Secure when asked', () => {
    expect(attributes(sessionCookie('s', { secure: true, maxAgeSeconds: 1 }))).toContain('Secure');
  });

  it('never has a negative lifetime', () => {
    expect(sessionCookie('s', { secure: false, maxAgeSeconds: -5 })).toContain('Max-Age=0');
  });
});

describe('clearedSessionCookie', () => {
  it('empties the cookie with the same attributes, so the browser replaces it', () => {
    const cookie = clearedSessionCookie(true);
    expect(cookie).toBe(
      `${ADMIN_SESSION_COOKIE}=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/; HttpOnly; SameSite=Lax; Secure`,
    );
  });
});
