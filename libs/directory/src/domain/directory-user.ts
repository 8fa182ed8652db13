import type { ScimJsonObject } from '@rollcall/scim-core';

/** How a user came to exist: SCIM provisioning, the dashboard, or just-in-time at SSO sign-in. */
export type UserSource = 'scim' | 'manual' | 'sso';

/** A member of an organization as the directory knows it. */
export interface DirectoryUser {
  id: string;
  organizationId: string;
  userName: string;
  externalId: string | null;
  displayName: string | null;
  email: string | null;
  active: boolean;
  /** The explicit role (from roleName or roles), null when the org default applies. */
  role: string | null;
  source: UserSource;
  /** The SCIM document as stored: no id, meta or groups. */
  document: ScimJsonObject;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  deactivatedAt: Date | null;
}
