import { MAX_ORGANIZATION_NAME_LENGTH } from '@rollcall/contracts';
import { OrganizationError } from './organization.error';

/** An organization's name as stored: trimmed, 1 to 200 characters. */
export function validOrganizationName(raw: string): string {
  const name = raw.trim();
  if (!name || name.length > MAX_ORGANIZATION_NAME_LENGTH) {
    throw new OrganizationError(
      'ORGANIZATION_NAME_INVALID',
      `An organization name has 1 to ${MAX_ORGANIZATION_NAME_LENGTH} characters.`,
    );
  }
  return name;
}
