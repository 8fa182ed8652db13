import type { SsoProviderKind } from '@rollcall/contracts';
/**
 * A person an identity provider vouched for, in the terms Rollcall links and matches on. Each
 * match key is present only when the provider vouches for it; an unverified claim is null.
 */
export interface FederatedIdentity {
  provider: SsoProviderKind;
  /** Microsoft: the Entra tenant id (`tid`). OIDC: the issuer URL. */
  issuer: string;
  /** Microsoft: `oid`. OIDC: `sub`. Stable for the account's life. */
  subject: string;
  /**
   * OIDC: `email` when `email_verified` is boolean `true`. Microsoft: `email` when `xms_edov`
   * is `true` (Entra otherwise passes through whatever address an admin typed on the account).
   */
  verifiedEmail: string | null;
  /**
   * Microsoft only: the UPN (`preferred_username`), which the tenant vouches for and Entra's
   * default mapping sends as the SCIM `userName`. A generic provider's `preferred_username` is
   * whatever its users chose, so it is never a match key there.
   */
  userPrincipalName: string | null;
  /** Microsoft only: `oid`, matched against `externalId` when the org maps objectId there. */
  objectId: string | null;
  /** For a just-in-time created user. */
  displayName: string | null;
  /** How the dashboard shows a linked account: the address or UPN as the token stated it. */
  label: string;
}
