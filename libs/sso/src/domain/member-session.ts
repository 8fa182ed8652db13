/** A member session as stored, when it was live at the request's clock. */
export interface LiveMemberSession {
  /** SHA-256 of the cookie's secret. */
  id: string;
  userId: string;
  organizationId: string;
  /** Null on sessions opened before member calls were CSRF-checked. */
  csrfToken: string | null;
  /** Its last_seen_at is older than the resolution: this request should write it. */
  lastSeenStale: boolean;
}

/** A member session to store; it is last seen when it is created. */
export interface NewMemberSession {
  id: string;
  userId: string;
  organizationId: string;
  csrfToken: string;
  createdAt: Date;
  expiresAt: Date;
}
