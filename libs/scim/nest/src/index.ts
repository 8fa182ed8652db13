export { ScimModule } from './scim.module';
export { SCIM_BASE_PATH, SCIM_OPTIONS, scimBaseUrl } from './scim.options';
export type { ScimModuleOptions } from './scim.options';
export { ScimAuthGuard, ScimUnauthorizedError } from './auth/scim-auth.guard';
export { CurrentScimPrincipal } from './auth/scim-principal.decorator';
export { ScimErrorFilter, writeScimError } from './http/scim-error.filter';
export { SCIM_CONTENT_TYPE, toScimErrorResponse } from './http/scim-error.response';
export { scimContentType } from './http/scim-content-type.middleware';
export { OAUTH_TOKEN_PATH, writeOAuthTokenError } from './oauth/oauth-token.error.filter';
export {
  OAUTH_CLIENT_BASIC_AUTH,
  SCIM_ACCESS_TOKEN_AUTH,
  SCIM_OAUTH_AUTH,
  SCIM_TOKEN_AUTH,
  withScimOpenApi,
} from './openapi/scim-openapi.components';
