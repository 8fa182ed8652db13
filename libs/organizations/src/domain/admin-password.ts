import { randomBytes } from 'node:crypto';
import { OrganizationError } from './organization.error';

export const MIN_ADMIN_PASSWORD_LENGTH = 8;

/**
 * The password an admin gets: the one the operator chose, if long enough, or 20 random
 * characters (120 bits) shown once.
 */
export function chosenOrRandomAdminPassword(chosen?: string): string {
  const password = chosen ?? randomBytes(15).toString('base64url');
  if (password.length < MIN_ADMIN_PASSWORD_LENGTH) {
    throw new OrganizationError(
      'ADMIN_PASSWORD_TOO_SHORT',
      `An admin password has at least ${MIN_ADMIN_PASSWORD_LENGTH} characters.`,
    );
  }
  return password;
}
