/** An organization's OAuth client for Entra's provisioning service (its secrets apart). */
export interface OAuthClient {
  id: string;
  organizationId: string;
  /** The public `client_id` (`rcc_…`). */
  clientId: string;
  name: string;
  accessTokenLifetimeMinutes: number;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** A secret of a client as kept: its visible prefix, never the secret or its hash. */
export interface OAuthClientSecret {
  id: string;
  /** The owning client's row id (not its public `client_id`). */
  oauthClientId: string;
  prefix: string;
  createdAt: Date;
  expiresAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** A secret about to be stored: with the SHA-256 the token endpoint finds it by. */
export interface NewOAuthClientSecret extends OAuthClientSecret {
  secretHash: string;
}
