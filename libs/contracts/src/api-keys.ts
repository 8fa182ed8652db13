/** What an API key may do: `read` (GET/HEAD) or `read_write` (changes too). */
export type ApiKeyScopeName = 'read' | 'read_write';

export const API_KEY_SCOPE_NAMES: readonly ApiKeyScopeName[] = ['read', 'read_write'];

export type ApiKeyStatusName = 'live' | 'expired' | 'revoked';

/** An admin API key as listed: never the key itself. */
export interface ApiKeyView {
  id: string;
  name: string;
  scope: ApiKeyScopeName;
  /** The visible start of the key (`rck_…`), to tell keys apart. */
  prefix: string;
  /** The e-mail of the admin who created it. */
  createdBy: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  status: ApiKeyStatusName;
}

/** `GET /api/api-keys` */
export interface ApiKeyListView {
  apiKeys: ApiKeyView[];
}

/** `POST /api/api-keys` */
export interface CreateApiKeyRequest {
  name: string;
  scope: ApiKeyScopeName;
  /** ISO 8601; after it the key is refused. */
  expiresAt?: string | null;
}

/** `POST /api/api-keys` → 201: the only time the key is shown. */
export interface CreatedApiKeyView {
  id: string;
  name: string;
  scope: ApiKeyScopeName;
  key: string;
  prefix: string;
  createdAt: string;
  expiresAt: string | null;
}
