import type { OidcPurpose } from '../domain/oidc-authorization';

/** What the operator configured for the one multi-tenant Entra app (see app-config). */
export interface EntraSsoOptions {
  clientId?: string;
  clientSecret?: string;
  /** e.g. `https://login.microsoftonline.com`, without a trailing slash. */
  authority: string;
  /** The public origin; redirect URIs are built on it. */
  publicUrl: string;
}

export const ENTRA_SSO_OPTIONS = Symbol('ENTRA_SSO_OPTIONS');

export const ENTRA_CONNECT_CALLBACK_PATH = '/api/sso/microsoft/callback';
export const ENTRA_SIGN_IN_CALLBACK_PATH = '/api/auth/microsoft/callback';

/**
 * Linking an admin's account returns to the connect callback: both are admin round trips, and
 * the operator registers no third redirect URI in Entra.
 */
export function entraRedirectUri(options: EntraSsoOptions, purpose: OidcPurpose): string {
  const path = purpose === 'sign_in' ? ENTRA_SIGN_IN_CALLBACK_PATH : ENTRA_CONNECT_CALLBACK_PATH;
  return `${options.publicUrl}${path}`;
}
