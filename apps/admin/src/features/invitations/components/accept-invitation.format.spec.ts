import { ApiError } from '../../../api/api-error';
import {
  INVALID_INVITATION_MESSAGE,
  acceptErrorMessage,
  invitationSummary,
  passwordErrors,
} from './accept-invitation.format';

describe('passwordErrors', () => {
  it('asks for a password and its confirmation', () => {
    expect(passwordErrors('', '')).toEqual({
      password: 'Choose a password.',
      confirmation: 'Type the password again.',
    });
  });

  it('refuses fewer than 8 characters, like the API (ADMIN_PASSWORD_TOO_SHORT)', () => {
    expect(passwordErrors('1234567', '1234567').password).toBe(
      'Too short: use at least 8 characters.',
    );
    expect(passwordErrors('12345678', '12345678')).toEqual({ password: null, confirmation: null });
  });

  it('refuses more than the API accepts', () => {
    const long = 'x'.repeat(1025);
    expect(passwordErrors(long, long).password).toBe('At most 1024 characters.');
    expect(passwordErrors('x'.repeat(1024), 'x'.repeat(1024)).password).toBeNull();
  });

  it('refuses a confirmation that differs', () => {
    expect(passwordErrors('correct horse', 'correct hors').confirmation).toBe(
      'The passwords do not match.',
    );
  });
});

describe('the accept page’s texts', () => {
  it.each([
    ['viewer', /as a viewer: .*read-only/],
    ['admin', /as an admin: .*except who administers it/],
    ['owner', /as an owner: .*including who administers it/],
  ] as const)('summarises the %s role', (role, expected) => {
    expect(invitationSummary('Acme', role)).toMatch(/^You are invited to administer Acme/);
    expect(invitationSummary('Acme', role)).toMatch(expected);
  });

  it('says a link that no longer works cannot be used, whatever the reason', () => {
    expect(acceptErrorMessage(new ApiError(404, 'INVITATION_NOT_FOUND', 'Not found'))).toBe(
      INVALID_INVITATION_MESSAGE,
    );
    expect(INVALID_INVITATION_MESSAGE).toBe(
      'This invitation link is invalid, used or expired. Ask for a new one.',
    );
  });

  it('explains single sign-on being required after the admin was created', () => {
    expect(acceptErrorMessage(new ApiError(403, 'SSO_REQUIRED', 'x'))).toMatch(
      /You are now an admin.*single sign-on/,
    );
    expect(acceptErrorMessage(new ApiError(400, 'BAD_REQUEST', 'password too long'))).toBe(
      'password too long',
    );
  });
});
