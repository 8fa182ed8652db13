/** A trusted external issuer and subject (RFC 7523) of an organization. */
export interface FederatedCredential {
  id: string;
  organizationId: string;
  name: string;
  issuer: string;
  subject: string;
  /** Chosen by Rollcall, different for every credential (see `credentialAudience`). */
  audience: string;
  /** Where the issuer's keys are; null to discover them from the issuer. */
  jwksUri: string | null;
  accessTokenLifetimeMinutes: number;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}
