import type { AdminRoleName } from './admins';

/** `POST /api/auth/login` */
export interface LoginRequest {
  email: string;
  password: string;
}

/**
 * `POST /api/auth/login` and `GET /api/auth/session`: who is signed in, and the CSRF token to
 * send back as `X-CSRF-Token` on every state-changing admin request.
 */
export interface AdminSessionView {
  /** `role`: a viewer may only read; only an owner manages admins. */
  admin: { id: string; email: string; role: AdminRoleName };
  organization: { id: string; name: string; slug: string };
  csrfToken: string;
}

/** The header AdminSessionGuard checks on POST, PUT, PATCH and DELETE. */
export const CSRF_HEADER_NAME = 'X-CSRF-Token';

/**
 * `GET /api/auth/member-session`: a member (not an admin) signed in through single sign-on.
 * They land on `/signed-in`; the CSRF token goes back as `X-CSRF-Token` on member-logout.
 */
export interface MemberSessionView {
  user: { id: string; userName: string };
  organization: { id: string; name: string };
  csrfToken: string;
}

/** Where a member lands after signing in through single sign-on. */
export const MEMBER_LANDING_PATH = '/signed-in';
