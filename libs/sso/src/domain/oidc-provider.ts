/** The org's custom provider as it may be shown: never the client secret. */
export interface OidcProvider {
  displayName: string;
  issuer: string;
  clientId: string;
  updatedAt: Date;
  updatedByEmail: string;
}

/** An org's custom OpenID Connect provider as stored (at most one per org). */
export interface StoredOidcProvider extends OidcProvider {
  id: string;
  organizationId: string;
  /** SecretBox-sealed with the provider's id as context; never returned, never logged. */
  clientSecretSealed: string;
  updatedByAdminId: string | null;
  createdAt: Date;
}

export function toOidcProvider(stored: StoredOidcProvider): OidcProvider {
  return {
    displayName: stored.displayName,
    issuer: stored.issuer,
    clientId: stored.clientId,
    updatedAt: stored.updatedAt,
    updatedByEmail: stored.updatedByEmail,
  };
}
