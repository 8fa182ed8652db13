/** A person an identity provider vouched for, in the terms Rollcall links and matches on. */
export interface FederatedIdentity {
  provider: 'microsoft' | 'oidc';
  /** Microsoft: the Entra tenant id (`tid`). OIDC: the issuer URL. */
  issuer: string;
  /** Microsoft: `oid`. OIDC: `sub`. Stable for the account's life. */
  subject: string;
  /**
   * Names to match an org admin's e-mail, or a user's userName / work e-mail, at the first
   * sign-in, best first. Empty when the provider says the e-mail is unverified.
   */
  usernames: string[];
  /** For a just-in-time created user. */
  displayName: string | null;
  email: string | null;
}
