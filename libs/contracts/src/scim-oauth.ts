/**
 * OAuth 2.0 for Entra's provisioning service (gallery apps): client credentials and workload
 * identity federation (RFC 7523 JWT bearer). Both end in a short-lived access token from
 * `POST /oauth/token`, used as `Authorization: Bearer` on `/scim/v2` like a secret token.
 */

/** Bounds of an access token's lifetime, in minutes (default 60). */
export const ACCESS_TOKEN_LIFETIME_MINUTES = { min: 60, max: 360, default: 60 } as const;
/** Bounds of a client secret's lifetime, in days (default 365). */
export const CLIENT_SECRET_LIFETIME_DAYS = { min: 365, max: 1095, default: 365 } as const;

/** One secret of an OAuth client; several are live during a rotation. */
export interface ScimOAuthSecretView {
  id: string;
  /** The visible start of the secret, to tell secrets apart. */
  prefix: string;
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface ScimOAuthClientView {
  id: string;
  name: string;
  /** The `client_id` to paste into Entra. */
  clientId: string;
  accessTokenLifetimeMinutes: number;
  secrets: ScimOAuthSecretView[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** `POST /api/scim/oauth/clients` */
export interface CreateScimOAuthClientRequest {
  /** 1 to 100 characters. */
  name: string;
  accessTokenLifetimeMinutes?: number;
  secretLifetimeDays?: number;
}

/** `POST /api/scim/oauth/clients` → 201: the only time the secret is shown. */
export interface CreatedScimOAuthClientView extends ScimOAuthClientView {
  clientSecret: string;
}

/** `PATCH /api/scim/oauth/clients/{id}` */
export interface UpdateScimOAuthClientRequest {
  name?: string;
  accessTokenLifetimeMinutes?: number;
}

/** `POST /api/scim/oauth/clients/{id}/secrets` */
export interface CreateScimOAuthSecretRequest {
  lifetimeDays?: number;
}

/** `POST /api/scim/oauth/clients/{id}/secrets` → 201: the only time the secret is shown. */
export interface CreatedScimOAuthSecretView {
  secret: ScimOAuthSecretView;
  clientSecret: string;
}

/**
 * A trusted external issuer whose signed JWTs are exchanged for Rollcall access tokens
 * (workload identity federation). For Entra: the tenant's issuer, the provisioning app's
 * service principal id as `sub`, and the audience Rollcall assigned, which the admin gives
 * to Entra.
 */
export interface ScimFederatedCredentialView {
  id: string;
  name: string;
  /** Exact `iss` of the presented JWTs. */
  issuer: string;
  /** Exact `sub` of the presented JWTs. */
  subject: string;
  /**
   * Required in the presented JWTs' `aud`. Assigned by Rollcall and unique to this credential:
   * an organization that registers someone else's issuer and subject never matches their JWTs.
   */
  audience: string;
  /** Where the issuer's keys are read; null = from the issuer's discovery document. */
  jwksUri: string | null;
  accessTokenLifetimeMinutes: number;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** `POST /api/scim/oauth/federated-credentials` */
export interface CreateScimFederatedCredentialRequest {
  name: string;
  issuer: string;
  subject: string;
  jwksUri?: string;
  accessTokenLifetimeMinutes?: number;
}

/** `GET /api/scim/oauth`: what to paste into Entra, and the org's clients and credentials. */
export interface ScimOAuthOverviewView {
  /** `POST` here with client credentials or a JWT assertion. */
  tokenEndpoint: string;
  /** Rollcall's public signing keys. */
  jwksUri: string;
  clients: ScimOAuthClientView[];
  federatedCredentials: ScimFederatedCredentialView[];
}
