import type { AdminRole } from '@rollcall/organizations';

/** Who a live dashboard session belongs to, and what the dashboard needs to act as them. */
export interface AuthenticatedAdmin {
  /** The session's id (the hash of its secret): safe to log and to pass around. */
  sessionId: string;
  csrfToken: string;
  /** `role` is read with the session on every request, so a change applies at once. */
  admin: { id: string; email: string; role: AdminRole };
  organization: { id: string; name: string; slug: string };
}
