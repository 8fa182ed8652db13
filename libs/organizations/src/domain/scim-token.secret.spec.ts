import { createHash } from 'node:crypto';
import { generateScimTokenSecret, hashScimToken } from './scim-token.secret';

describe('generateScimTokenSecret', () => {
  it('makes an rcs_ token of 32 random bytes in base64url', () => {
    const { token } = generateScimTokenSecret();
    expect(token).toMatch(/^rcs_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token.slice(4), 'base64url')).toHaveLength(32);
  });

  it('shows the first 12 characters as the prefix', () => {
    const { token, prefix } = generateScimTokenSecret();
    expect(prefix).toBe(token.slice(0, 12));
    expect(prefix).toHaveLength(12);
  });

  it('returns the SHA-256 hex of the token as its hash', () => {
    const { token, hash } = generateScimTokenSecret();
    expect(hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('never repeats a token or a prefix', () => {
    const secrets = Array.from({ length: 200 }, () => generateScimTokenSecret());
    expect(new Set(secrets.map((s) => s.token)).size).toBe(200);
    expect(new Set(secrets.map((s) => s.prefix)).size).toBe(200);
  });
});

describe('hashScimToken', () => {
  it('is the SHA-256 hex digest of the UTF-8 token', () => {
    expect(hashScimToken('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('tells tokens that differ in one character apart', () => {
    expect(hashScimToken('rcs_a')).not.toBe(hashScimToken('rcs_b'));
    expect(hashScimToken('rcs_a')).toBe(hashScimToken('rcs_a'));
  });
});
