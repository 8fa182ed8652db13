import { HttpException } from '@nestjs/common';
import { ScimError, scimErrorBody, type ScimErrorBody } from '@rollcall/scim-core';
import { OrganizationError, type OrganizationErrorCode } from '@rollcall/organizations';
import { ScimUnauthorizedError } from '../auth/scim-auth.guard';

export const SCIM_CONTENT_TYPE = 'application/scim+json; charset=utf-8';

export interface ScimErrorResponse {
  status: number;
  body: ScimErrorBody;
  headers: Record<string, string>;
  /** True when the failure is ours (a 5xx), so the caller logs it with the request id. */
  unexpected: boolean;
}

/** Errors raised by body-parser carry a `type` and an HTTP status. */
interface BodyParserError {
  type: string;
  status: number;
}

function isBodyParserError(error: unknown): error is BodyParserError {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { type?: unknown }).type === 'string' &&
    typeof (error as { status?: unknown }).status === 'number'
  );
}

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

function plain(status: number, detail: string, headers: Record<string, string> = {}) {
  return { status, body: scimErrorBody(status, detail), headers, unexpected: status >= 500 };
}

/**
 * RFC 7644 §3.12: every failure at the SCIM edge becomes the SCIM error envelope, with
 * `status` as a string and a `detail` safe to show (never a stack trace or a secret).
 */
export function toScimErrorResponse(error: unknown): ScimErrorResponse {
  if (error instanceof ScimError) {
    return { status: error.status, body: error.toBody(), headers: {}, unexpected: false };
  }
  if (error instanceof ScimUnauthorizedError) {
    // RFC 6750 §3: a challenge on every 401; `invalid_token` when one was presented.
    const challenge = error.tokenPresented
      ? 'Bearer realm="scim", error="invalid_token"'
      : 'Bearer realm="scim"';
    return plain(401, error.message, { 'WWW-Authenticate': challenge });
  }
  if (error instanceof OrganizationError) {
    return plain(organizationStatus(error.code), error.message);
  }
  if (isBodyParserError(error)) {
    switch (error.type) {
      case 'entity.parse.failed':
        return {
          ...plain(400, 'The request body is not valid JSON.'),
          body: scimErrorBody(400, 'The request body is not valid JSON.', 'invalidSyntax'),
        };
      case 'entity.too.large':
        return plain(413, 'The request body is larger than this server accepts.');
      default:
        return plain(error.status >= 400 && error.status < 500 ? error.status : 400, 'The request body could not be read.');
    }
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    return plain(status, status === 404 ? 'No such resource or endpoint.' : error.message);
  }
  return plain(500, 'An unexpected error occurred.');
}
