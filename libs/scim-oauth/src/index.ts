export { ScimOAuthModule } from './scim-oauth.module';
export { ScimOAuthError } from './domain/scim-oauth.error';
export type { ScimOAuthErrorCode } from './domain/scim-oauth.error';
export { OAuthTokenError } from './domain/oauth-token.error';
export type { OAuthTokenErrorCode } from './domain/oauth-token.error';
export {
  CLIENT_ASSERTION_TYPE_JWT_BEARER,
  GRANT_CLIENT_CREDENTIALS,
  GRANT_JWT_BEARER,
  SCIM_SCOPE,
  parseTokenRequest,
} from './domain/token-request';
export type { TokenGrant, TokenRequestForm } from './domain/token-request';
export { looksLikeJwt, oauthEndpoints } from './domain/oauth-endpoints';
export type { OAuthEndpoints } from './domain/oauth-endpoints';
export { accessTokenClaims } from './domain/access-token.claims';
export type {
  AccessTokenClaims,
  AccessTokenSubject,
  CredentialType,
} from './domain/access-token.claims';
export { ASSERTION_ALGORITHMS } from './keys/federated-assertion.verifier';
export { ACCESS_TOKEN_ALGORITHM, SigningKeyRing } from './keys/signing-key.ring';
export { AuthenticateScimAccessToken } from './use-cases/authenticate-scim-access-token.use-case';
export type { ScimAccessTokenPrincipal } from './use-cases/authenticate-scim-access-token.use-case';
export { CreateFederatedCredential } from './use-cases/create-federated-credential.use-case';
export type { CreateFederatedCredentialCommand } from './use-cases/create-federated-credential.use-case';
export {
  CreateOAuthClientSecret,
  MAX_LIVE_CLIENT_SECRETS,
} from './use-cases/create-oauth-client-secret.use-case';
export type { CreatedOAuthClientSecret } from './use-cases/create-oauth-client-secret.use-case';
export { CreateOAuthClient } from './use-cases/create-oauth-client.use-case';
export type {
  CreateOAuthClientCommand,
  CreatedOAuthClient,
} from './use-cases/create-oauth-client.use-case';
export type {
  FederatedCredentialSummary,
  OAuthClientSecretSummary,
  OAuthClientSummary,
} from './use-cases/credential.summaries';
export { IssueAccessToken } from './use-cases/issue-access-token.use-case';
export type { IssuedAccessToken } from './use-cases/issue-access-token.use-case';
export { ListScimOAuthCredentials } from './use-cases/list-scim-oauth-credentials.use-case';
export type { ScimOAuthCredentials } from './use-cases/list-scim-oauth-credentials.use-case';
export { ResealSigningKeys } from './use-cases/reseal-signing-keys.use-case';
export { RevokeFederatedCredential } from './use-cases/revoke-federated-credential.use-case';
export { RevokeOAuthClientSecret } from './use-cases/revoke-oauth-client-secret.use-case';
export { RevokeOAuthClient } from './use-cases/revoke-oauth-client.use-case';
export { UpdateOAuthClient } from './use-cases/update-oauth-client.use-case';
export type { UpdateOAuthClientCommand } from './use-cases/update-oauth-client.use-case';
