import type { RoleName } from '@rollcall/contracts';

/** "Members of the group named X get role Y", matched case-insensitively on the name. */
export interface GroupRoleMapping {
  organizationId: string;
  groupName: string;
  /** The key it is matched on: the name, lower-case. */
  groupNameNormalized: string;
  role: RoleName;
  createdAt: Date;
}

/** A role a user holds through a live team whose name is mapped to it. */
export interface MappedRole {
  userId: string;
  role: RoleName;
  /** The team's name as it is now (the group that granted the role). */
  groupName: string;
}
