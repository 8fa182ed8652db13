import { signInErrorMessage, ssoRequiredMessage } from './sign-in-error';

describe('signInErrorMessage', () => {
  it('explains each refusal of single sign-on, without the code', () => {
    for (const code of [
      'account_deactivated',
      'not_provisioned',
      'tenant_not_connected',
      'state_invalid',
      'token_invalid',
      'provider_unavailable',
      'provider_not_found',
    ]) {
      const message = signInErrorMessage(code);
      expect(message).toBeTruthy();
      expect(message).not.toContain(code);
    }
    expect(signInErrorMessage('not_provisioned')).toContain('no Rollcall account');
  });

  it('tells someone refused for another person’s linked address what happened', () => {
    const message = signInErrorMessage('identity_conflict') ?? '';
    expect(message).toContain('linked to a different sign-in account');
    expect(message).toContain('recorded');
  });

  it('does not blame Microsoft for what any provider can answer', () => {
    for (const code of [
      'not_provisioned',
      'identity_conflict',
      'state_invalid',
      'token_invalid',
      'provider_unavailable',
    ]) {
      expect(signInErrorMessage(code)).not.toMatch(/Microsoft(?!\s+Entra)/);
    }
  });

  it('explains a refused SAML response by its reason, with the org’s own values', () => {
    expect(signInErrorMessage('saml_rejected', 'signature')).toMatch(
      /not signed by a certificate configured in Rollcall/,
    );
    expect(
      signInErrorMessage('saml_rejected', 'audience', {
        entityId: 'https://r.example/saml/acme',
        acsUrl: 'https://r.example/saml/acme/acs',
      }),
    ).toContain('must be “https://r.example/saml/acme”');
    expect(signInErrorMessage('saml_rejected', null)).not.toBe(
      signInErrorMessage('something_else'),
    );
  });

  it('has a fallback for unknown codes and nothing without one', () => {
    expect(signInErrorMessage('<script>')).toBe('Single sign-on did not work. Try again.');
    expect(signInErrorMessage(null)).toBeNull();
    expect(signInErrorMessage('')).toBeNull();
  });
});

describe('ssoRequiredMessage', () => {
  it('points at the provider button when the page shows one', () => {
    expect(ssoRequiredMessage('Sign in with Okta')).toMatch(/Use “Sign in with Okta” instead/);
  });

  it('points at the organization lookup otherwise', () => {
    expect(ssoRequiredMessage(null)).toMatch(/Use single sign-on/);
  });
});
