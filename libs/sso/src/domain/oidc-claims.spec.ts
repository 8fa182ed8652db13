import { oidcIdentity } from './oidc-claims';

const ISSUER = 'https://idp.example.com';

describe('oidcIdentity', () => {
  it('vouches for the e-mail only when email_verified is boolean true', () => {
    expect(
      oidcIdentity(ISSUER, { sub: 's1', email: ' Ada@Example.com ', email_verified: true }),
    ).toMatchObject({
      provider: 'oidc',
      issuer: ISSUER,
      subject: 's1',
      verifiedEmail: 'Ada@Example.com',
    });
  });

  it.each<[string, unknown]>([
    ['missing', undefined],
    ['false', false],
    ['"False"', 'False'],
    ['"true"', 'true'],
    ['1', 1],
    ['null', null],
  ])('treats email_verified %s as unverified', (_name, value) => {
    const claims: Record<string, unknown> = { sub: 's1', email: 'ada@example.com' };
    if (value !== undefined) claims['email_verified'] = value;
    expect(oidcIdentity(ISSUER, claims).verifiedEmail).toBeNull();
  });

  it('never uses preferred_username as a match key, only as a label', () => {
    const identity = oidcIdentity(ISSUER, {
      sub: 's1',
      preferred_username: 'admin@example.com',
      email_verified: true,
    });
    expect(identity).toMatchObject({
      verifiedEmail: null,
      userPrincipalName: null,
      objectId: null,
      label: 'admin@example.com',
    });
  });
});
