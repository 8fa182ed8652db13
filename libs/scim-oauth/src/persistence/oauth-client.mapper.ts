import type { SqlValues } from '@rollcall/db';
import type { OAuthClient, OAuthClientSecret } from '../domain/oauth-client';
import type { OAuthClientSecretEntity } from './oauth-client-secret.entity';
import type { OAuthClientEntity } from './oauth-client.entity';

/** A live client and the live secret of it that was presented. */
export interface OAuthClientGrant {
  client: OAuthClient;
  secret: OAuthClientSecret;
}

/** A row of the token endpoint's look-up: the client's columns, then its secret's. */
export interface GrantRow {
  id: string;
  organization_id: string;
  client_id: string;
  name: string;
  access_token_lifetime_minutes: number;
  created_at: unknown;
  last_used_at: unknown;
  secret_id: string;
  secret_prefix: string;
  secret_created_at: unknown;
  secret_expires_at: unknown;
  secret_last_used_at: unknown;
}

export function grantOf(row: GrantRow, v: SqlValues): OAuthClientGrant {
  return {
    client: {
      id: row.id,
      organizationId: row.organization_id,
      clientId: row.client_id,
      name: row.name,
      accessTokenLifetimeMinutes: Number(row.access_token_lifetime_minutes),
      createdAt: v.readDate(row.created_at),
      lastUsedAt: v.readDateOrNull(row.last_used_at),
      revokedAt: null,
    },
    secret: {
      id: row.secret_id,
      oauthClientId: row.id,
      prefix: row.secret_prefix,
      createdAt: v.readDate(row.secret_created_at),
      expiresAt: v.readDate(row.secret_expires_at),
      lastUsedAt: v.readDateOrNull(row.secret_last_used_at),
      revokedAt: null,
    },
  };
}

export function clientOf(row: OAuthClientEntity): OAuthClient {
  return {
    id: row.id,
    organizationId: row.organizationId,
    clientId: row.clientId,
    name: row.name,
    accessTokenLifetimeMinutes: row.accessTokenLifetimeMinutes,
    createdAt: row.createdAt,
    lastUsedAt: row.lastUsedAt,
    revokedAt: row.revokedAt,
  };
}

/** A secret as the store hands it out: never its hash. */
export function secretOf(row: OAuthClientSecretEntity): OAuthClientSecret {
  return {
    id: row.id,
    oauthClientId: row.oauthClientId,
    prefix: row.prefix,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    lastUsedAt: row.lastUsedAt,
    revokedAt: row.revokedAt,
  };
}
