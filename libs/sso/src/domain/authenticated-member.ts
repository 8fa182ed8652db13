/** Who a live member session belongs to: a SCIM-provisioned user of one organization. */
export interface AuthenticatedMember {
  sessionId: string;
  user: { id: string; userName: string };
  organization: { id: string; name: string; slug: string };
}

export interface MemberSignIn extends AuthenticatedMember {
  /** The cookie value; this is the only time it is known. */
  sessionSecret: string;
  expiresAt: Date;
}
