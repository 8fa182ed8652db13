import {
  csrfTokenMatches,
  generateCsrfToken,
  generateSessionSecret,
  isWellFormedSessionSecret,
  sessionIdOf,
} from './session.secret';

describe('session secrets', () => {
  it('are 32 random bytes, stored only as their SHA-256', () => {
    const { secret, id } = generateSessionSecret();
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(secret, 'base64url')).toHaveLength(32);
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    expect(id).toBe(sessionIdOf(secret));
    expect(id).not.toContain(secret);
    expect(generateSessionSecret().secret).not.toBe(secret);
  });

  it.each([
    ['', false],
    ['short', false],
    ['a'.repeat(43), true],
    ['a'.repeat(44), false],
    [`${'a'.repeat(42)}=`, false],
    [`${'a'.repeat(42)}+`, false],
  ])('%j is well-formed: %s', (value, expected) => {
    expect(isWellFormedSessionSecret(value)).toBe(expected);
  });
});

describe('csrfTokenMatches', () => {
  const token = generateCsrfToken();

  it('accepts the same token only', () => {
    expect(csrfTokenMatches(token, token)).toBe(true);
    expect(csrfTokenMatches(token, `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`)).toBe(
      false,
    );
    expect(csrfTokenMatches(token, `${token}x`)).toBe(false);
    expect(csrfTokenMatches(token, generateCsrfToken())).toBe(false);
  });

  it('rejects a missing or empty token', () => {
    expect(csrfTokenMatches(token, undefined)).toBe(false);
    expect(csrfTokenMatches(token, '')).toBe(false);
    expect(csrfTokenMatches('', '')).toBe(false);
  });
});
