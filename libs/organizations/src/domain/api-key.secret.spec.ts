import { generateApiKeySecret, hashApiKey } from './api-key.secret';

describe('generateApiKeySecret', () => {
  it('issues an rck_ key of 32 random bytes with its SHA-256 and a visible prefix', () => {
    const secret = generateApiKeySecret();
    expect(secret.key).toMatch(/^rck_[A-Za-z0-9_-]{43}$/);
    expect(secret.hash).toBe(hashApiKey(secret.key));
    expect(secret.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(secret.prefix).toBe(secret.key.slice(0, 12));
    expect(generateApiKeySecret().key).not.toBe(secret.key);
  });
});
