/** The org's connected Microsoft Entra tenant. */
export interface MicrosoftConnectionView {
  /** The Entra tenant id (`tid`). */
  tenantId: string;
  /** E-mail of the admin who connected it. */
  connectedBy: string;
  /** ISO 8601. */
  connectedAt: string;
}

/** `GET /api/sso` */
export interface SsoStatusView {
  /** The server has an Entra app configured (ENTRA_CLIENT_ID, ENTRA_CLIENT_SECRET); else Connect cannot work. */
  microsoftConfigured: boolean;
  /** The connected tenant, or null. */
  microsoft: MicrosoftConnectionView | null;
}

/** `GET /api/auth/providers` (public): the sign-in page offers what the server can do. */
export interface SignInProvidersView {
  microsoft: boolean;
}
