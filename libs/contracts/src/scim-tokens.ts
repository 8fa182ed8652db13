/** `GET /api/scim/tokens`: a token as listed; the secret itself is never stored nor shown. */
export interface ScimTokenView {
  id: string;
  /** The visible start of the secret (`rcs_…`), to tell tokens apart. */
  prefix: string;
  label: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** `POST /api/scim/tokens` */
export interface CreateScimTokenRequest {
  label?: string;
}

/** `POST /api/scim/tokens` → 201: the only time the secret is shown. */
export interface CreatedScimTokenView extends ScimTokenView {
  token: string;
}

/** `GET /api/scim/tokens` */
export interface ScimTokenListView {
  tokens: ScimTokenView[];
}
