import { claimValue, credentialAudience, trustedUrl } from './federated-credential.rules';
import { ScimOAuthError } from './scim-oauth.error';

describe('federated credential rules', () => {
  it.each([
    'https://login.microsoftonline.com/8eaef023-2b34-4da1-9baa-8bc8c9d6a490/v2.0',
    'http://127.0.0.1:4000/tenant/v2.0',
    'http://localhost:4000/issuer',
  ])('trusts %s', (url) => {
    expect(trustedUrl(url, 'The issuer', 500)).toBe(url);
  });

  it.each([
    'http://login.example.com/issuer',
    'ftp://example.com',
    'not a url',
    'https://user:pass@example.com/',
    'https://example.com/#fragment',
    `https://example.com/${'x'.repeat(500)}`,
  ])('refuses %s', (url) => {
    expect(() => trustedUrl(url, 'The issuer', 500)).toThrow(ScimOAuthError);
  });

  it('requires claim values of bounded length', () => {
    expect(claimValue(' sub ', 'The subject', 10)).toBe('sub');
    expect(() => claimValue('', 'The subject', 10)).toThrow(ScimOAuthError);
    expect(() => claimValue(undefined, 'The subject', 10)).toThrow(ScimOAuthError);
    expect(() => claimValue('x'.repeat(11), 'The subject', 10)).toThrow(ScimOAuthError);
  });

  it('gives each credential its own audience, in the tenant form for a Microsoft issuer', () => {
    const tenant = '8EAEF023-2B34-4DA1-9BAA-8BC8C9D6A490';
    const random = Buffer.alloc(16, 0xab);
    expect(credentialAudience(`https://login.microsoftonline.com/${tenant}/v2.0`, random)).toBe(
      `api://${tenant.toLowerCase()}/rollcall-scim-${'ab'.repeat(16)}`,
    );
    expect(credentialAudience(`https://sts.windows.net/${tenant}/`, random)).toBe(
      `api://${tenant.toLowerCase()}/rollcall-scim-${'ab'.repeat(16)}`,
    );
    expect(credentialAudience('https://token.actions.githubusercontent.com', random)).toBe(
      `api://rollcall/rollcall-scim-${'ab'.repeat(16)}`,
    );
    const issuer = `https://login.microsoftonline.com/${tenant}/v2.0`;
    const audiences = new Set(Array.from({ length: 50 }, () => credentialAudience(issuer)));
    expect(audiences.size).toBe(50);
  });
});
