import { HttpException } from '@nestjs/common';
import type { ApiErrorBody } from '@rollcall/contracts';
import { isDatabaseUnavailable } from '@rollcall/db';
import { DirectoryError, type DirectoryErrorCode } from '@rollcall/directory';
import { EventsError, type EventsErrorCode } from '@rollcall/events';
import { OrganizationError, type OrganizationErrorCode } from '@rollcall/organizations';
import { ScimError } from '@rollcall/scim-core';
import { ScimOAuthError, type ScimOAuthErrorCode } from '@rollcall/scim-oauth';
import { SsoError, type SsoErrorCode } from '@rollcall/sso';
import { TeamsError, type TeamsErrorCode } from '@rollcall/teams';

function organizationStatus(code: OrganizationErrorCode): number {
  switch (code) {
    case 'ORGANIZATION_NOT_FOUND':
    case 'ADMIN_NOT_FOUND':
    case 'SCIM_TOKEN_NOT_FOUND':
      return 404;
    case 'ORGANIZATION_SLUG_TAKEN':
    case 'ADMIN_EMAIL_TAKEN':
    case 'SCIM_TOKEN_LIMIT_REACHED':
      return 409;
    case 'ORGANIZATION_NAME_INVALID':
    case 'ADMIN_EMAIL_INVALID':
    case 'ADMIN_PASSWORD_TOO_SHORT':
    case 'SCIM_TOKEN_AMBIGUOUS':
      return 400;
  }
}

function directoryStatus(code: DirectoryErrorCode): number {
  switch (code) {
    case 'USER_NOT_FOUND':
      return 404;
    case 'USER_NAME_TAKEN':
      return 409;
    case 'USER_NAME_REQUIRED':
    case 'USER_ID_IMMUTABLE':
    case 'ROLE_UNKNOWN':
      return 400;
    case 'USER_VERSION_MISMATCH':
      return 412;
  }
}

function teamsStatus(code: TeamsErrorCode): number {
  switch (code) {
    case 'TEAM_NOT_FOUND':
    case 'RESOURCE_NOT_FOUND':
      return 404;
    // A state conflict, not a malformed request: the same call can succeed later.
    case 'TEAM_NAME_TAKEN':
    case 'TEAM_NOT_PENDING_DELETION':
    case 'TEAM_MANAGED_BY_SCIM':
      return 409;
    case 'TEAM_NAME_REQUIRED':
    case 'TEAM_ID_IMMUTABLE':
    case 'MEMBER_NOT_IN_ORGANIZATION':
    case 'RESOURCE_KIND_INVALID':
    case 'RESOURCE_NAME_REQUIRED':
    case 'ROLE_MAPPING_INVALID':
      return 400;
    case 'TEAM_VERSION_MISMATCH':
      return 412;
  }
}

function ssoStatus(code: SsoErrorCode): number {
  switch (code) {
    case 'INVALID_CREDENTIALS':
    case 'UNAUTHENTICATED':
    case 'SSO_TOKEN_INVALID':
    case 'SAML_RESPONSE_REJECTED':
    case 'TWO_FACTOR_CHALLENGE_INVALID':
      return 401;
    case 'CSRF_TOKEN_INVALID':
    case 'SSO_ACCOUNT_DEACTIVATED':
    case 'SSO_ACCOUNT_NOT_PROVISIONED':
    case 'SSO_TENANT_NOT_CONNECTED':
    case 'SSO_REQUIRED':
    case 'SSO_IDENTITY_CONFLICT':
    case 'ENTRA_ADMIN_ROLE_REQUIRED':
    case 'CURRENT_PASSWORD_INCORRECT':
    case 'TWO_FACTOR_CODE_INVALID':
      return 403;
    case 'SSO_NOT_CONNECTED':
    case 'OIDC_PROVIDER_NOT_FOUND':
    case 'SSO_ORGANIZATION_NOT_FOUND':
    case 'SSO_LINK_NOT_FOUND':
    case 'SAML_PROVIDER_NOT_FOUND':
      return 404;
    case 'SAML_METADATA_INVALID':
    case 'SAML_METADATA_UNREACHABLE':
    case 'SSO_STATE_INVALID':
    case 'OIDC_ISSUER_INVALID':
    case 'OIDC_DISCOVERY_FAILED':
    case 'OIDC_ISSUER_MISMATCH':
    case 'OIDC_CLIENT_SECRET_REQUIRED':
    case 'JIT_DOMAIN_INVALID':
      return 400;
    case 'ENTRA_TENANT_TAKEN':
    case 'SSO_PROVIDER_REQUIRED':
    case 'TWO_FACTOR_ALREADY_ENABLED':
    case 'TWO_FACTOR_NOT_ENABLED':
    case 'TWO_FACTOR_SETUP_NOT_STARTED':
      return 409;
    case 'TOO_MANY_ATTEMPTS':
      return 429;
    case 'SSO_PROVIDER_UNAVAILABLE':
      return 502;
    case 'SSO_NOT_CONFIGURED':
      return 503;
  }
}

function scimOAuthStatus(code: ScimOAuthErrorCode): number {
  switch (code) {
    case 'OAUTH_CLIENT_NOT_FOUND':
    case 'OAUTH_CLIENT_SECRET_NOT_FOUND':
    case 'FEDERATED_CREDENTIAL_NOT_FOUND':
      return 404;
    case 'OAUTH_CLIENT_REVOKED':
    case 'OAUTH_CLIENT_SECRET_LIMIT_REACHED':
    case 'FEDERATED_CREDENTIAL_TAKEN':
      return 409;
    case 'OAUTH_CLIENT_NAME_INVALID':
    case 'ACCESS_TOKEN_LIFETIME_INVALID':
    case 'CLIENT_SECRET_LIFETIME_INVALID':
    case 'FEDERATED_CREDENTIAL_INVALID':
      return 400;
  }
}

function eventsStatus(code: EventsErrorCode): number {
  switch (code) {
    case 'WEBHOOK_NOT_FOUND':
    case 'WEBHOOK_DELIVERY_NOT_FOUND':
      return 404;
    case 'WEBHOOK_LIMIT_REACHED':
      return 409;
    case 'EVENT_CURSOR_INVALID':
    case 'EVENT_TYPE_UNKNOWN':
    case 'WEBHOOK_URL_INVALID':
    case 'WEBHOOK_DESCRIPTION_INVALID':
      return 400;
  }
}

const BODY_PARSER_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  'entity.parse.failed': {
    status: 400,
    code: 'INVALID_JSON',
    message: 'The request body is not valid JSON.',
  },
  'entity.too.deep': {
    status: 400,
    code: 'JSON_TOO_DEEP',
    message: 'The request body nests JSON too deeply.',
  },
  'entity.too.large': {
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
    message: 'The request body is too large.',
  },
  'encoding.corrupt': {
    status: 400,
    code: 'BODY_NOT_DECOMPRESSIBLE',
    message: 'The request body could not be decompressed.',
  },
  'encoding.unsupported': {
    status: 415,
    code: 'UNSUPPORTED_CONTENT_ENCODING',
    message: 'The request body has a Content-Encoding this server does not read.',
  },
  'charset.unsupported': {
    status: 415,
    code: 'UNSUPPORTED_CHARSET',
    message: 'The request body must be UTF-8.',
  },
};

/** The admin API edge: domain codes become statuses, everything else a generic answer. */
export function toApiErrorBody(error: unknown): ApiErrorBody {
  if (error instanceof OrganizationError) {
    return { statusCode: organizationStatus(error.code), code: error.code, message: error.message };
  }
  if (error instanceof SsoError) {
    return { statusCode: ssoStatus(error.code), code: error.code, message: error.message };
  }
  if (error instanceof TeamsError) {
    return { statusCode: teamsStatus(error.code), code: error.code, message: error.message };
  }
  if (error instanceof DirectoryError) {
    return { statusCode: directoryStatus(error.code), code: error.code, message: error.message };
  }
  if (error instanceof EventsError) {
    return { statusCode: eventsStatus(error.code), code: error.code, message: error.message };
  }
  if (error instanceof ScimOAuthError) {
    return { statusCode: scimOAuthStatus(error.code), code: error.code, message: error.message };
  }
  // Shared SCIM rules (a filter, a value) can surface here too: `invalidFilter` → INVALID_FILTER.
  if (error instanceof ScimError) {
    const code = (error.scimType ?? 'invalidRequest').replace(/([a-z])([A-Z])/g, '$1_$2');
    return { statusCode: error.status, code: code.toUpperCase(), message: error.message };
  }
  const parserType = (error as { type?: unknown } | null)?.type;
  if (typeof parserType === 'string' && BODY_PARSER_ERRORS[parserType]) {
    const { status, code, message } = BODY_PARSER_ERRORS[parserType];
    return { statusCode: status, code, message };
  }
  // Any other body the parser could not read (aborted, wrong length): the client's mistake.
  const parserStatus = (error as { status?: unknown } | null)?.status;
  if (
    typeof parserType === 'string' &&
    typeof parserStatus === 'number' &&
    parserStatus >= 400 &&
    parserStatus < 500
  ) {
    return {
      statusCode: parserStatus,
      code: 'INVALID_BODY',
      message: 'The request body could not be read.',
    };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const code =
      status === 404
        ? 'NOT_FOUND'
        : error.name
            .replace(/Exception$/, '')
            .replace(/([a-z])([A-Z])/g, '$1_$2')
            .toUpperCase();
    return { statusCode: status, code, message: error.message };
  }
  if (isDatabaseUnavailable(error)) {
    return {
      statusCode: 503,
      code: 'DATABASE_UNAVAILABLE',
      message: 'The service is temporarily unavailable. Retry later.',
    };
  }
  return { statusCode: 500, code: 'INTERNAL_ERROR', message: 'An unexpected error occurred.' };
}
