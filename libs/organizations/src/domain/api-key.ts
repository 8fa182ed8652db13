export const API_KEY_SCOPES = ['read', 'read_write'] as const;
/** `read` allows safe methods only; `read_write` allows changes too. */
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export const API_KEY_NAME_MAX_LENGTH = 100;

export type ApiKeyStatus = 'live' | 'expired' | 'revoked';

/** A key as listed: never the key itself nor its hash. */
export interface ApiKeySummary {
  id: string;
  name: string;
  scope: ApiKeyScope;
  prefix: string;
  createdBy: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
}

export function apiKeyStatus(key: ApiKeySummary, now: Date): ApiKeyStatus {
  if (key.revokedAt) return 'revoked';
  if (key.expiresAt && key.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'live';
}

/** Who is calling the admin API with a key. */
export interface ApiKeyPrincipal {
  keyId: string;
  organizationId: string;
  name: string;
  scope: ApiKeyScope;
  prefix: string;
}
