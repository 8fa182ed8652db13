export type ScimOAuthErrorCode =
  | 'OAUTH_CLIENT_NOT_FOUND'
  | 'OAUTH_CLIENT_SECRET_NOT_FOUND'
  | 'OAUTH_CLIENT_REVOKED'
  | 'OAUTH_CLIENT_SECRET_LIMIT_REACHED'
  | 'OAUTH_CLIENT_NAME_INVALID'
  | 'ACCESS_TOKEN_LIFETIME_INVALID'
  | 'CLIENT_SECRET_LIFETIME_INVALID'
  | 'FEDERATED_CREDENTIAL_NOT_FOUND'
  | 'FEDERATED_CREDENTIAL_INVALID'
  | 'FEDERATED_CREDENTIAL_TAKEN';

/** A rule of SCIM OAuth clients or federated credentials was broken; each edge maps the code. */
export class ScimOAuthError extends Error {
  constructor(
    readonly code: ScimOAuthErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ScimOAuthError';
  }
}
