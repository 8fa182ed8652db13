/** Two live tokens let an admin paste a new one into Entra before revoking the old one. */
export const MAX_LIVE_SCIM_TOKENS = 2;

/** Who is calling the SCIM API: an organization, through one of its tokens. */
export interface ScimPrincipal {
  organizationId: string;
  tokenId: string;
  tokenPrefix: string;
}

/** A token as listed: never the secret, which is not stored. */
export interface ScimTokenSummary {
  id: string;
  prefix: string;
  label: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** A live token as a revocation names it: what its credential.revoked event carries. */
export interface LiveScimToken {
  id: string;
  organizationId: string;
  prefix: string;
  label: string | null;
}
