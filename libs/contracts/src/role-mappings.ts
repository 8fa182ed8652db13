import type { RoleName } from './roles';

/** Members of the group (team) named `groupName` get `role`. */
export interface GroupRoleMappingView {
  groupName: string;
  role: RoleName;
  createdAt: string;
}

/** `PUT /api/group-role-mappings` */
export interface SetGroupRoleMappingRequest {
  groupName: string;
  role: RoleName;
}

export const ROLE_PRECEDENCE =
  "A user's explicit roleName (from Microsoft Entra ID) wins; otherwise the most privileged role mapped to a group the user is in; otherwise the organization's default role." as const;

/** `GET /api/group-role-mappings` */
export interface GroupRoleMappingListView {
  mappings: GroupRoleMappingView[];
  precedence: typeof ROLE_PRECEDENCE;
}
