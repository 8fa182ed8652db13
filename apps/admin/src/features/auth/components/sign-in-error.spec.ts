import { signInErrorMessage } from './sign-in-error';

describe('signInErrorMessage', () => {
  it('explains each refusal of Sign in with Microsoft', () => {
    for (const code of [
      'account_deactivated',
      'not_provisioned',
      'tenant_not_connected',
      'state_invalid',
      'token_invalid',
    ]) {
      const message = signInErrorMessage(code);
      expect(message).toBeTruthy();
      expect(message).not.toContain(code);
    }
    expect(signInErrorMessage('not_provisioned')).toContain('no Rollcall account');
  });

  it('has a fallback for unknown codes and nothing without one', () => {
    expect(signInErrorMessage('<script>')).toBe(
      'Signing in with Microsoft did not work. Try again.',
    );
    expect(signInErrorMessage(null)).toBeNull();
    expect(signInErrorMessage('')).toBeNull();
  });
});
