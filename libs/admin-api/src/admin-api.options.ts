export interface AdminApiOptions {
  /** The public origin, e.g. `https://rollcall.example.com`; https makes cookies Secure. */
  publicUrl: string;
  /** The operator's multi-tenant Entra app, for Sign in with Microsoft. */
  entra: { clientId?: string; clientSecret?: string; authority: string };
}

export const ADMIN_API_OPTIONS = Symbol('ADMIN_API_OPTIONS');
