import { accessTokenLifetimeMinutes, clientSecretExpiry, credentialName } from './lifetimes';
import { ScimOAuthError } from './scim-oauth.error';

const DAY_MS = 86_400_000;

function codeOf(work: () => unknown): string | undefined {
  try {
    work();
  } catch (error) {
    if (error instanceof ScimOAuthError) return error.code;
    throw error;
  }
  return undefined;
}

describe('access token lifetime', () => {
  it('defaults to 60 minutes and accepts 60 to 360', () => {
    expect(accessTokenLifetimeMinutes(undefined)).toBe(60);
    expect(accessTokenLifetimeMinutes(60)).toBe(60);
    expect(accessTokenLifetimeMinutes(360)).toBe(360);
  });

  it.each([59, 361, 0, -60, 90.5, Number.NaN])('refuses %p', (value) => {
    expect(codeOf(() => accessTokenLifetimeMinutes(value))).toBe('ACCESS_TOKEN_LIFETIME_INVALID');
  });
});

describe('client secret expiry', () => {
  const now = new Date('2026-01-01T00:00:00Z');

  it('defaults to one year and accepts one to three years', () => {
    expect(clientSecretExpiry(undefined, now).getTime() - now.getTime()).toBe(365 * DAY_MS);
    expect(clientSecretExpiry(1095, now).getTime() - now.getTime()).toBe(1095 * DAY_MS);
  });

  it.each([364, 1096, 0, 400.5])('refuses %p days', (days) => {
    expect(codeOf(() => clientSecretExpiry(days, now))).toBe('CLIENT_SECRET_LIFETIME_INVALID');
  });
});

describe('credential names', () => {
  it('trims, and refuses empty or over 100 characters with the code of what is named', () => {
    expect(credentialName('  Entra  ', 'client')).toBe('Entra');
    expect(codeOf(() => credentialName('   ', 'client'))).toBe('OAUTH_CLIENT_NAME_INVALID');
    expect(codeOf(() => credentialName('x'.repeat(101), 'credential'))).toBe(
      'FEDERATED_CREDENTIAL_INVALID',
    );
  });
});
