/** What one org's SAML connection trusts, and who we are to it. */
export interface SamlTrust {
  /** Expected <Issuer> of the Response/Assertion. */
  idpEntityId: string;
  /** IdP's HTTP-Redirect SSO endpoint (for AuthnRequests). */
  ssoUrl: string;
  /** IdP signing certificates, PEM; any one may sign (rollover). */
  certificates: string[];
  /** SHA-1 signature/digest algorithms refused unless true. */
  allowSha1: boolean;
  /** Our entity id = expected Audience; AuthnRequest Issuer. */
  spEntityId: string;
  /** Our ACS = expected Destination (if present) and Recipient. */
  acsUrl: string;
  /** Decrypts EncryptedAssertion (RSA-OAEP / AES-GCM or CBC). */
  spPrivateKeyPem: string;
}
