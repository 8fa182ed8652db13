import type { RoleName } from './roles';

/** Where a user's effective role comes from, in order of precedence. */
export type RoleSourceName = 'roleName' | 'group' | 'default';

export interface EffectiveRoleView {
  role: RoleName;
  source: RoleSourceName;
  /** The mapped group that granted the role, when `source` is `group`. */
  groupName?: string;
}

export type UserStatusFilter = 'active' | 'deactivated' | 'all';

/** A member of the organization on the dashboard's Users page. */
export interface AdminUserView {
  id: string;
  userName: string;
  displayName: string | null;
  email: string | null;
  active: boolean;
  /** `sso`: created just in time when they first signed in through the org's SSO. */
  source: 'scim' | 'manual' | 'sso';
  role: EffectiveRoleView;
  teams: { id: string; name: string }[];
  createdAt: string;
  updatedAt: string;
}

/** `GET /api/users` */
export interface AdminUserListView {
  total: number;
  startIndex: number;
  users: AdminUserView[];
}

/** `GET /api/users/:id`: also the SCIM User resource as stored. */
export interface AdminUserDetailView extends AdminUserView {
  scim: Record<string, unknown>;
}
