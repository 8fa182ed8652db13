import { HttpException } from '@nestjs/common';
import type { ApiErrorBody } from '@rollcall/contracts';
import { OrganizationError, type OrganizationErrorCode } from '@rollcall/organizations';
import { SsoError, type SsoErrorCode } from '@rollcall/sso';

function organizationStatus(code: OrganizationErrorCode): number {
  switch (code) {
    case 'ORGANIZATION_NOT_FOUND':
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

function ssoStatus(code: SsoErrorCode): number {
  switch (code) {
    case 'INVALID_CREDENTIALS':
    case 'UNAUTHENTICATED':
      return 401;
    case 'CSRF_TOKEN_INVALID':
      return 403;
    case 'TOO_MANY_ATTEMPTS':
      return 429;
  }
}

const BODY_PARSER_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  'entity.parse.failed': {
    status: 400,
    code: 'INVALID_JSON',
    message: 'The request body is not valid JSON.',
  },
  'entity.too.large': {
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
    message: 'The request body is too large.',
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
  const parserType = (error as { type?: unknown } | null)?.type;
  if (typeof parserType === 'string' && BODY_PARSER_ERRORS[parserType]) {
    const { status, code, message } = BODY_PARSER_ERRORS[parserType];
    return { statusCode: status, code, message };
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
  return { statusCode: 500, code: 'INTERNAL_ERROR', message: 'An unexpected error occurred.' };
}
