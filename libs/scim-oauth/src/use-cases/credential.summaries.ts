import type { FederatedCredential } from '../domain/federated-credential';
import type { OAuthClient, OAuthClientSecret } from '../domain/oauth-client';

/** A client secret as listed: its prefix, never the secret or its hash. */
export interface OAuthClientSecretSummary {
  id: string;
  prefix: string;
  createdAt: Date;
  expiresAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export interface OAuthClientSummary {
  id: string;
  name: string;
  clientId: string;
  accessTokenLifetimeMinutes: number;
  secrets: OAuthClientSecretSummary[];
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export interface FederatedCredentialSummary {
  id: string;
  name: string;
  issuer: string;
  subject: string;
  audience: string;
  jwksUri: string | null;
  accessTokenLifetimeMinutes: number;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export function toSecretSummary(row: OAuthClientSecret): OAuthClientSecretSummary {
  return {
    id: row.id,
    prefix: row.prefix,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    lastUsedAt: row.lastUsedAt,
    revokedAt: row.revokedAt,
  };
}

export function toClientSummary(
  row: OAuthClient,
  secrets: readonly OAuthClientSecret[],
): OAuthClientSummary {
  return {
    id: row.id,
    name: row.name,
    clientId: row.clientId,
    accessTokenLifetimeMinutes: row.accessTokenLifetimeMinutes,
    // Newest first, like every list on the dashboard.
    secrets: secrets
      .filter((s) => s.oauthClientId === row.id)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
      .map(toSecretSummary),
    createdAt: row.createdAt,
    lastUsedAt: row.lastUsedAt,
    revokedAt: row.revokedAt,
  };
}

export function toFederatedCredentialSummary(row: FederatedCredential): FederatedCredentialSummary {
  return {
    id: row.id,
    name: row.name,
    issuer: row.issuer,
    subject: row.subject,
    audience: row.audience,
    jwksUri: row.jwksUri,
    accessTokenLifetimeMinutes: row.accessTokenLifetimeMinutes,
    createdAt: row.createdAt,
    lastUsedAt: row.lastUsedAt,
    revokedAt: row.revokedAt,
  };
}
