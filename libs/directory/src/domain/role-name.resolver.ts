import { ROLE_NAMES, isRoleName, type RoleName } from '@rollcall/contracts';
import { DirectoryError } from './directory.error';

/**
 * The role a `roleName` names. Admins type it in Entra's attribute mappings by hand, so
 * "Billing Admin", "billing-admin" and "BILLING_ADMIN" all mean `billing_admin`. Blank means
 * "no explicit role" (the org default applies).
 */
export function resolveRoleName(roleName: string | null | undefined): RoleName | null {
  const trimmed = roleName?.trim();
  if (!trimmed) return null;
  const key = trimmed.toLowerCase().replace(/[\s-]+/g, '_');
  if (isRoleName(key)) return key;
  throw new DirectoryError(
    'ROLE_UNKNOWN',
    `roleName "${trimmed.slice(0, 100)}" is not a role; valid roles are ${ROLE_NAMES.join(', ')}.`,
  );
}
