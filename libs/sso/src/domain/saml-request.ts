/** Why an AuthnRequest was sent: to sign in, or to link the signed-in admin's account. */
export type SamlRequestPurpose = 'saml_sign_in' | 'saml_link';

/** An AuthnRequest we sent; a response may answer it (`InResponseTo`) once, before it expires. */
export interface SamlRequest {
  id: string;
  organizationId: string;
  purpose: SamlRequestPurpose;
  /** For `saml_link`: the admin who started it, whose account the answer links. */
  adminId: string | null;
  createdAt: Date;
  expiresAt: Date;
}

/** Long enough for a person to sign in at the IdP with MFA, short enough to be useless later. */
export const SAML_REQUEST_LIFETIME_MS = 10 * 60_000;
