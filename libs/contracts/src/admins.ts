/**
 * The roles of an organization's admins, most privileged first. `owner`: everything,
 * including managing admins; `admin`: everything but managing admins; `viewer`: read-only.
 */
export const ADMIN_ROLE_NAMES = ['owner', 'admin', 'viewer'] as const;

export type AdminRoleName = (typeof ADMIN_ROLE_NAMES)[number];

export function isAdminRoleName(value: unknown): value is AdminRoleName {
  return typeof value === 'string' && (ADMIN_ROLE_NAMES as readonly string[]).includes(value);
}

/** How long an invitation link stays valid. */
export const ADMIN_INVITATION_LIFETIME_DAYS = 7;

/** The dashboard path an invitation link opens: `PUBLIC_URL/invitations/<token>`. */
export const INVITATION_PATH_PREFIX = '/invitations/';

/** `GET /api/admins`: one admin of the organization. */
export interface OrganizationAdminView {
  id: string;
  email: string;
  name?: string;
  role: AdminRoleName;
  createdAt: string;
  lastLoginAt?: string;
  /** The admin making the request. */
  isYou: boolean;
}

/** `GET /api/admins`: an invitation not accepted yet. */
export interface AdminInvitationView {
  id: string;
  email: string;
  role: AdminRoleName;
  invitedBy: string;
  createdAt: string;
  expiresAt: string;
  /** Past `expiresAt`: the link no longer works; invite again for a new one. */
  expired: boolean;
}

/** `GET /api/admins` */
export interface AdminTeamView {
  admins: OrganizationAdminView[];
  invitations: AdminInvitationView[];
}

/** `POST /api/admins/invitations` */
export interface InviteAdminRequest {
  email: string;
  role: AdminRoleName;
}

/** `POST /api/admins/invitations`: the link is for the inviter to pass on when not e-mailed. */
export interface CreatedAdminInvitationView {
  id: string;
  email: string;
  role: AdminRoleName;
  link: string;
  expiresAt: string;
  emailed: boolean;
  /** Why the e-mail could not be sent; the invitation is kept either way. */
  mailError?: string;
}

/** `PATCH /api/admins/:id` */
export interface ChangeAdminRoleRequest {
  role: AdminRoleName;
}

/** `GET /api/invitations/:token` (no sign-in needed: the token is the credential). */
export interface InvitationPreviewView {
  organizationName: string;
  email: string;
  role: AdminRoleName;
  expiresAt: string;
}

/** `POST /api/invitations/:token/accept`: answered like `POST /api/auth/login`. */
export interface AcceptInvitationRequest {
  password: string;
}
