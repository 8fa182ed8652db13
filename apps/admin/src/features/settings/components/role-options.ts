import { ROLE_NAMES, isRoleName, type RoleName } from '@rollcall/contracts';
import { roleLabel } from '../../../components/role.format';

export const ROLE_OPTIONS = ROLE_NAMES.map((role) => ({ value: role, label: roleLabel(role) }));

export function asRole(value: string | null): RoleName | null {
  return value !== null && isRoleName(value) ? value : null;
}
