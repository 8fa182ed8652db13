import { accessTokenClaims, readAccessTokenClaims } from './access-token.claims';

describe('access token claims', () => {
  const context = {
    issuer: 'https://rollcall.example.com',
    audience: 'https://rollcall.example.com/scim/v2',
    now: new Date('2026-05-01T10:00:00.900Z'),
    jti: 'j-1',
  };

  it('names the org, the credential and the secret, scoped to scim, for the lifetime', () => {
    const claims = accessTokenClaims(
      {
        organizationId: 'org-1',
        credentialType: 'client',
        credentialId: 'client-row',
        subject: 'rcc_abc',
        secretId: 'secret-1',
        lifetimeMinutes: 90,
      },
      context,
    );
    expect(claims).toEqual({
      iss: 'https://rollcall.example.com',
      aud: 'https://rollcall.example.com/scim/v2',
      sub: 'rcc_abc',
      org: 'org-1',
      cid: 'client-row',
      ctype: 'client',
      sid: 'secret-1',
      scope: 'scim',
      iat: 1777629600,
      exp: 1777629600 + 90 * 60,
      jti: 'j-1',
    });
    expect(readAccessTokenClaims({ ...claims })).toEqual({
      organizationId: 'org-1',
      credentialType: 'client',
      credentialId: 'client-row',
      subject: 'rcc_abc',
      secretId: 'secret-1',
    });
  });

  it('leaves sid out for federated credentials', () => {
    const claims = accessTokenClaims(
      {
        organizationId: 'org-1',
        credentialType: 'federated',
        credentialId: 'fed-1',
        subject: 'fed-1',
        lifetimeMinutes: 60,
      },
      context,
    );
    expect(claims).not.toHaveProperty('sid');
    expect(claims.exp - claims.iat).toBe(3600);
  });

  it.each([
    ['no org', { cid: 'c', ctype: 'client', sub: 's', scope: 'scim' }],
    ['an unknown credential type', { org: 'o', cid: 'c', ctype: 'user', sub: 's', scope: 'scim' }],
    ['another scope', { org: 'o', cid: 'c', ctype: 'client', sub: 's', scope: 'admin' }],
    ['a non-string sid', { org: 'o', cid: 'c', ctype: 'client', sub: 's', scope: 'scim', sid: 1 }],
  ])('does not read a payload with %s', (_name, payload) => {
    expect(readAccessTokenClaims(payload)).toBeUndefined();
  });
});
