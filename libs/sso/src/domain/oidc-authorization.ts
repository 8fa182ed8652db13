/**
 * `connect`, `link_microsoft` and `sign_in` are Microsoft's; `oidc_sign_in` and `oidc_link`
 * an org's custom provider. The `link` ones link the signed-in admin's own account.
 */
export type OidcPurpose = 'connect' | 'link_microsoft' | 'sign_in' | 'oidc_sign_in' | 'oidc_link';

/** A started OIDC round trip, waiting for its callback (see OidcRoundTrip). */
export interface OidcAuthorization {
  /** SHA-256 of `state`: nothing stored could finish a round trip. */
  id: string;
  purpose: OidcPurpose;
  nonce: string;
  codeVerifier: string;
  /**
   * For `connect` and the links: the org and admin who started it, so only they can finish it.
   * For `oidc_sign_in`: the org whose provider the browser was sent to.
   */
  organizationId: string | null;
  adminId: string | null;
  createdAt: Date;
  expiresAt: Date;
}
