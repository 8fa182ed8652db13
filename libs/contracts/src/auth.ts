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
  admin: { id: string; email: string };
  organization: { id: string; name: string; slug: string };
  csrfToken: string;
}

/** The header AdminSessionGuard checks on POST, PUT, PATCH and DELETE. */
export const CSRF_HEADER_NAME = 'X-CSRF-Token';
