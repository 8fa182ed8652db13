import {
  emptyOidcForm,
  fieldOfSaveError,
  issuerError,
  toSaveOidcRequest,
  validateOidcForm,
} from './oidc-provider-form';

const filled = {
  displayName: ' Okta ',
  issuer: ' https://acme.okta.com ',
  clientId: ' 0oa1 ',
  clientSecret: 's3cret',
};

describe('issuerError', () => {
  it.each(['https://acme.okta.com', 'http://127.0.0.1:8080/realms/acme', 'http://localhost:9000'])(
    'accepts %s',
    (issuer) => {
      expect(issuerError(issuer)).toBeNull();
    },
  );

  it('refuses plain http off the loopback, and what is not a URL', () => {
    expect(issuerError('http://acme.okta.com')).toBe('The issuer must use https.');
    expect(issuerError('acme.okta.com')).toMatch(/full URL/);
    expect(issuerError('  ')).toBe('Enter the issuer URL.');
  });
});

describe('validateOidcForm', () => {
  it('passes a complete form', () => {
    expect(validateOidcForm(filled, false)).toEqual({});
  });

  it('needs the secret when creating, not when updating', () => {
    const noSecret = { ...filled, clientSecret: '' };
    expect(validateOidcForm(noSecret, false)).toEqual({
      clientSecret: 'Enter the client secret from your provider.',
    });
    expect(validateOidcForm(noSecret, true)).toEqual({});
  });

  it('names every missing field', () => {
    const errors = validateOidcForm(emptyOidcForm(null), false);
    expect(Object.keys(errors).sort()).toEqual(
      ['clientId', 'clientSecret', 'displayName', 'issuer'].sort(),
    );
    expect(validateOidcForm({ ...filled, displayName: 'x'.repeat(61) }, false).displayName).toBe(
      'At most 60 characters.',
    );
  });
});

describe('toSaveOidcRequest', () => {
  it('trims, and leaves the secret out when it is not replaced', () => {
    expect(toSaveOidcRequest(filled)).toEqual({
      displayName: 'Okta',
      issuer: 'https://acme.okta.com',
      clientId: '0oa1',
      clientSecret: 's3cret',
    });
    expect(toSaveOidcRequest({ ...filled, clientSecret: '' })).not.toHaveProperty('clientSecret');
  });
});

describe('fieldOfSaveError', () => {
  it('puts discovery and issuer refusals under the issuer field', () => {
    expect(fieldOfSaveError('OIDC_DISCOVERY_FAILED')).toBe('issuer');
    expect(fieldOfSaveError('OIDC_ISSUER_MISMATCH')).toBe('issuer');
    expect(fieldOfSaveError('OIDC_CLIENT_SECRET_REQUIRED')).toBe('clientSecret');
    expect(fieldOfSaveError('CSRF_TOKEN_INVALID')).toBeNull();
  });
});
