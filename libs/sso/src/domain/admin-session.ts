/** A dashboard session as stored, when it was live at the request's clock. */
export interface LiveAdminSession {
  /** SHA-256 of the cookie's secret. */
  id: string;
  adminId: string;
  organizationId: string;
  csrfToken: string;
  /** Its last_seen_at is older than the resolution: this request should write it. */
  lastSeenStale: boolean;
}

/** A session to store; it is last seen when it is created. */
export interface NewAdminSession {
  id: string;
  adminId: string;
  organizationId: string;
  csrfToken: string;
  createdAt: Date;
  expiresAt: Date;
  userAgent: string | null;
  ipAddress: string | null;
}
