/** Who a live member session belongs to: a directory user of one organization. */
export interface AuthenticatedMember {
  sessionId: string;
  /** Sent back in X-CSRF-Token on state-changing member calls (empty on pre-CSRF sessions). */
  csrfToken: string;
  user: { id: string; userName: string };
  organization: { id: string; name: string; slug: string };
}

export interface MemberSignIn extends AuthenticatedMember {
  /** The cookie value; this is the only time it is known. */
  sessionSecret: string;
  expiresAt: Date;
}
