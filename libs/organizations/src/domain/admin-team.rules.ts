import type { AdminRole } from './admin-role';
import { AdminManagementError } from './admin-management.error';

export interface AdminRoleAssignment {
  id: string;
  role: AdminRole;
}

/**
 * Refuses a change of roles (a role per admin id; `null` removes the admin) that would leave
 * the organization without an owner: someone must always be able to manage its admins.
 */
export function assertAnOwnerRemains(
  current: readonly AdminRoleAssignment[],
  changes: ReadonlyMap<string, AdminRole | null>,
): void {
  const hadOwner = current.some((admin) => admin.role === 'owner');
  const owners = current.filter((admin) => {
    const next = changes.has(admin.id) ? changes.get(admin.id) : admin.role;
    return next === 'owner';
  });
  // An organization created by invitation has no admin until its owner accepts.
  if (hadOwner && owners.length === 0) {
    throw new AdminManagementError(
      'LAST_OWNER',
      'An organization needs at least one owner: make another admin an owner first, or transfer ownership.',
    );
  }
}
