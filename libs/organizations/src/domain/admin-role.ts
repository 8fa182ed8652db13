import { ADMIN_ROLE_NAMES, isAdminRoleName, type AdminRoleName } from '@rollcall/contracts';

/** owner: everything, incl. managing admins; admin: everything else; viewer: read-only. */
export type AdminRole = AdminRoleName;
export const ADMIN_ROLES = ADMIN_ROLE_NAMES;
export const isAdminRole = isAdminRoleName;

/** Whether this role may change anything of the organization (a viewer only reads). */
export function mayWrite(role: AdminRole): boolean {
  return role !== 'viewer';
}

/** Whether this role may invite, remove and re-role admins. */
export function mayManageAdmins(role: AdminRole): boolean {
  return role === 'owner';
}
