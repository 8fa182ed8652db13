import type { AdminRoleName } from '@rollcall/contracts';
import { ApiError, errorMessage } from '../../../api/api-error';

/** The API's rule (ADMIN_PASSWORD_TOO_SHORT) and its body limit. */
export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 1024;

export interface PasswordErrors {
  password: string | null;
  confirmation: string | null;
}

/** The accept form's checks, the same the API enforces, plus the confirmation matching. */
export function passwordErrors(password: string, confirmation: string): PasswordErrors {
  const passwordError = !password
    ? 'Choose a password.'
    : password.length < MIN_PASSWORD_LENGTH
      ? `Too short: use at least ${MIN_PASSWORD_LENGTH} characters.`
      : password.length > MAX_PASSWORD_LENGTH
        ? `At most ${MAX_PASSWORD_LENGTH} characters.`
        : null;
  const confirmationError = !confirmation
    ? 'Type the password again.'
    : confirmation !== password
      ? 'The passwords do not match.'
      : null;
  return { password: passwordError, confirmation: confirmationError };
}

export const INVALID_INVITATION_MESSAGE =
  'This invitation link is invalid, used or expired. Ask for a new one.';

const ROLE_SUMMARIES: Record<AdminRoleName, string> = {
  owner: 'an owner: you can change everything, including who administers it',
  admin: 'an admin: you can change everything except who administers it',
  viewer: 'a viewer: you can see everything, read-only',
};

/** "You are invited to Acme as a viewer: …" */
export function invitationSummary(organizationName: string, role: AdminRoleName): string {
  return `You are invited to administer ${organizationName} as ${ROLE_SUMMARIES[role]}.`;
}

/** What to show when accepting failed. */
export function acceptErrorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    switch (error.code) {
      case 'INVITATION_NOT_FOUND':
        return INVALID_INVITATION_MESSAGE;
      case 'ADMIN_PASSWORD_TOO_SHORT':
        return `Choose a password of at least ${MIN_PASSWORD_LENGTH} characters.`;
      case 'ADMIN_EMAIL_TAKEN':
        return 'This address already administers an organization. Ask for an invitation to another address.';
      case 'SSO_REQUIRED':
        return 'You are now an admin, but this organization signs in with single sign-on only. Sign in with your organization’s provider.';
      default:
        return error.message;
    }
  }
  return errorMessage(error);
}
