export interface AdminApiOptions {
  /** The public origin, e.g. `https://rollcall.example.com`; https makes cookies Secure. */
  publicUrl: string;
  /** The operator's multi-tenant Entra app, for Sign in with Microsoft. */
  entra: { clientId?: string; clientSecret?: string; authority: string };
  /** Sign-in round trips one client address may start per 10 minutes (each stores a row). */
  signInStartsPer10Minutes: number;
  /**
   * Refused API keys one client address may present per minute before the answer becomes
   * 429 (the SCIM edge's AUTH_FAILURE_LIMIT_PER_MINUTE, counted separately). Default 20.
   */
  apiKeyAuthFailuresPerMinute?: number;
  /** SMTP for invitation e-mails (`smtp://` or `smtps://`, optional user:pass); unset: none. */
  smtp?: { url: string; from: string };
}

export const ADMIN_API_OPTIONS = Symbol('ADMIN_API_OPTIONS');
