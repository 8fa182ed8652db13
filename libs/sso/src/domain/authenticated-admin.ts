/** Who a live dashboard session belongs to, and what the dashboard needs to act as them. */
export interface AuthenticatedAdmin {
  /** The session's id (the hash of its secret): safe to log and to pass around. */
  sessionId: string;
  csrfToken: string;
  admin: { id: string; email: string };
  organization: { id: string; name: string; slug: string };
}
