import { checkIssuerUrl } from './oidc-issuer.policy';
import { SsoError } from './sso.error';

describe('checkIssuerUrl', () => {
  it.each([
    ['https://login.example.com', 'https://login.example.com'],
    ['  https://idp.example.com/realms/acme  ', 'https://idp.example.com/realms/acme'],
    ['http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
    ['http://localhost:8080/realms/dev', 'http://localhost:8080/realms/dev'],
    ['http://[::1]:9000', 'http://[::1]:9000'],
  ])('accepts %p', (input, expected) => {
    expect(checkIssuerUrl(input)).toBe(expected);
  });

  it.each([
    'not a url',
    'login.example.com',
    'http://login.example.com',
    'http://127.0.0.2',
    'http://localhost.evil.example',
    'ftp://login.example.com',
    'https://user:pw@login.example.com',
    'https://login.example.com/?tenant=1',
    'https://login.example.com/#x',
  ])('refuses %p with OIDC_ISSUER_INVALID', (input) => {
    let caught: unknown;
    try {
      checkIssuerUrl(input);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SsoError);
    expect((caught as SsoError).code).toBe('OIDC_ISSUER_INVALID');
  });
});
