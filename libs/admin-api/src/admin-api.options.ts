export interface AdminApiOptions {
  /** The public origin, e.g. `https://rollcall.example.com`; https makes cookies Secure. */
  publicUrl: string;
}

export const ADMIN_API_OPTIONS = Symbol('ADMIN_API_OPTIONS');
