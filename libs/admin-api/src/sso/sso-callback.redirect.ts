import { SamlSignInRefused, SsoError, type SsoErrorCode } from '@rollcall/sso';

/**
 * A callback is a browser navigation, so a refusal is a redirect to a dashboard page with a
 * stable `error` code it can explain, not a JSON body. Anything not an SsoError is a bug and
 * reaches the error filter as usual.
 */
export function callbackErrorCode(error: unknown): string {
  if (!(error instanceof SsoError)) throw error;
  if (error instanceof SamlSignInRefused) return `saml_rejected&reason=${error.reason}`;
  return errorParam(error.code);
}

function errorParam(code: SsoErrorCode): string {
  switch (code) {
    case 'SSO_ACCOUNT_DEACTIVATED':
      return 'account_deactivated';
    case 'SSO_ACCOUNT_NOT_PROVISIONED':
      return 'not_provisioned';
    case 'SSO_TENANT_NOT_CONNECTED':
      return 'tenant_not_connected';
    case 'ENTRA_TENANT_TAKEN':
      return 'tenant_taken';
    case 'ENTRA_ADMIN_ROLE_REQUIRED':
      return 'admin_role_required';
    case 'SSO_IDENTITY_CONFLICT':
      return 'identity_conflict';
    case 'SSO_STATE_INVALID':
      return 'state_invalid';
    case 'SSO_TOKEN_INVALID':
      return 'token_invalid';
    case 'SSO_NOT_CONFIGURED':
      return 'not_configured';
    case 'SSO_PROVIDER_UNAVAILABLE':
    case 'OIDC_DISCOVERY_FAILED':
      return 'provider_unavailable';
    case 'OIDC_PROVIDER_NOT_FOUND':
    case 'SAML_PROVIDER_NOT_FOUND':
    case 'SSO_ORGANIZATION_NOT_FOUND':
      return 'provider_not_found';
    case 'SSO_NOT_CONNECTED':
    case 'INVALID_CREDENTIALS':
    case 'TOO_MANY_ATTEMPTS':
    case 'UNAUTHENTICATED':
    case 'CSRF_TOKEN_INVALID':
    case 'SSO_REQUIRED':
    case 'SSO_PROVIDER_REQUIRED':
    case 'OIDC_ISSUER_INVALID':
    case 'OIDC_ISSUER_MISMATCH':
    case 'OIDC_CLIENT_SECRET_REQUIRED':
    case 'JIT_DOMAIN_INVALID':
    case 'SSO_LINK_NOT_FOUND':
    case 'SAML_METADATA_INVALID':
    case 'SAML_METADATA_UNREACHABLE':
    case 'CURRENT_PASSWORD_INCORRECT':
    case 'TWO_FACTOR_CODE_INVALID':
    case 'TWO_FACTOR_CHALLENGE_INVALID':
    case 'TWO_FACTOR_ALREADY_ENABLED':
    case 'TWO_FACTOR_NOT_ENABLED':
    case 'TWO_FACTOR_SETUP_NOT_STARTED':
      return code.toLowerCase();
    case 'SAML_RESPONSE_REJECTED':
      return 'saml_rejected';
  }
}
