import { generateClientId, generateClientSecret, hashClientSecret } from './oauth-client.secret';
import { looksLikeJwt, oauthEndpoints } from './oauth-endpoints';

describe('oauth endpoints', () => {
  it('derives every URL from the public origin', () => {
    expect(oauthEndpoints('https://rc.example.com/')).toEqual({
      issuer: 'https://rc.example.com',
      tokenEndpoint: 'https://rc.example.com/oauth/token',
      jwksUri: 'https://rc.example.com/oauth/jwks',
      scimAudience: 'https://rc.example.com/scim/v2',
    });
  });

  it('tells JWTs from secret tokens by shape', () => {
    expect(looksLikeJwt('eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln')).toBe(true);
    expect(looksLikeJwt(generateClientSecret().secret)).toBe(false);
    expect(looksLikeJwt(`rcs_${'A'.repeat(43)}`)).toBe(false);
    expect(looksLikeJwt('a.b')).toBe(false);
    expect(looksLikeJwt('a.b.c.d')).toBe(false);
    expect(looksLikeJwt('a..c')).toBe(false);
  });
});

describe('client credentials', () => {
  it('makes 16-character client ids and 256-bit secrets stored as SHA-256 with a prefix', () => {
    const id = generateClientId();
    expect(id).toMatch(/^rcc_[A-Za-z0-9_-]{12}$/);
    const secret = generateClientSecret();
    expect(secret.secret).toMatch(/^rccs_[A-Za-z0-9_-]{43}$/);
    expect(secret.prefix).toBe(secret.secret.slice(0, 13));
    expect(secret.hash).toBe(hashClientSecret(secret.secret));
    expect(secret.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(generateClientSecret().secret).not.toBe(secret.secret);
  });
});
