import type { SsoProviderKind } from '@rollcall/contracts';
/** A sign-in account an admin linked, as their dashboard lists it. */
export interface AdminIdentityLink {
  provider: SsoProviderKind;
  /** For Microsoft, the tenant id; for OIDC, the issuer. */
  issuer: string;
  /** The UPN or e-mail the token stated when linked. */
  label: string;
  linkedAt: Date;
}
