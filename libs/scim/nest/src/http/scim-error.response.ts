import { HttpException } from '@nestjs/common';
import {
  DATABASE_RETRY_AFTER_SECONDS,
  databaseUnavailability,
  type DatabaseUnavailability,
} from '@rollcall/db';
import { ScimError, scimErrorBody, type ScimErrorBody, type ScimType } from '@rollcall/scim-core';
import { DirectoryError, type DirectoryErrorCode } from '@rollcall/directory';
import { OrganizationError, type OrganizationErrorCode } from '@rollcall/organizations';
import { TeamsError, type TeamsErrorCode } from '@rollcall/teams';
import { RateLimitedError } from '@rollcall/rate-limit';
import { ScimUnauthorizedError } from '../auth/scim-auth.guard';

export const SCIM_CONTENT_TYPE = 'application/scim+json; charset=utf-8';

export interface ScimErrorResponse {
  status: number;
  body: ScimErrorBody;
  headers: Record<string, string>;
  /** True when the failure is ours (a 5xx), so the caller logs it with the request id. */
  unexpected: boolean;
  /** Set when the answer is a 503 because the database is unavailable. */
  databaseUnavailable?: DatabaseUnavailability;
}

/** Errors raised by body-parser carry a `type` and an HTTP status. */
interface BodyParserError {
  type: string;
  status: number;
  message: string;
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

/** A client's mistake or an absent resource: answered as is, not logged as ours. */
function expected(status: number, detail: string, scimType?: ScimType): ScimErrorResponse {
  return { status, body: scimErrorBody(status, detail, scimType), headers: {}, unexpected: false };
}

function directoryError(error: DirectoryError): ScimErrorResponse {
  const answer = (status: number, scimType?: ScimType) => expected(status, error.message, scimType);
  const code: DirectoryErrorCode = error.code;
  switch (code) {
    case 'USER_NOT_FOUND':
      return answer(404);
    case 'USER_NAME_TAKEN':
      return answer(409, 'uniqueness');
    case 'USER_ID_IMMUTABLE':
      return answer(400, 'mutability');
    case 'USER_NAME_REQUIRED':
    case 'ROLE_UNKNOWN':
      return answer(400, 'invalidValue');
    case 'USER_VERSION_MISMATCH':
      return answer(412, 'preconditionFailed');
  }
}

function teamsError(error: TeamsError): ScimErrorResponse {
  const answer = (status: number, scimType?: ScimType) => expected(status, error.message, scimType);
  const code: TeamsErrorCode = error.code;
  switch (code) {
    case 'TEAM_NOT_FOUND':
    case 'RESOURCE_NOT_FOUND':
      return answer(404);
    case 'TEAM_NAME_TAKEN':
      return answer(409, 'uniqueness');
    case 'TEAM_ID_IMMUTABLE':
    case 'TEAM_MANAGED_BY_SCIM':
      return answer(400, 'mutability');
    case 'TEAM_NAME_REQUIRED':
    case 'MEMBER_NOT_IN_ORGANIZATION':
    case 'TEAM_NOT_PENDING_DELETION':
    case 'RESOURCE_KIND_INVALID':
    case 'RESOURCE_NAME_REQUIRED':
    case 'ROLE_MAPPING_INVALID':
      return answer(400, 'invalidValue');
    case 'TEAM_VERSION_MISMATCH':
      return answer(412, 'preconditionFailed');
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
  if (error instanceof RateLimitedError) {
    // RFC 6585 §4: Entra honours Retry-After on 429 and retries the same request later.
    return plain(429, 'Too many requests. Retry after the time in Retry-After.', {
      'Retry-After': String(error.retryAfterSeconds),
    });
  }
  if (error instanceof DirectoryError) return directoryError(error);
  if (error instanceof TeamsError) return teamsError(error);
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
      case 'entity.too.deep':
        return {
          ...plain(400, error.message),
          body: scimErrorBody(400, error.message, 'invalidSyntax'),
        };
      case 'entity.too.large':
        return plain(413, 'The request body is larger than this server accepts.');
      case 'encoding.corrupt':
        return plain(400, 'The request body could not be decompressed.');
      default:
        return plain(
          error.status >= 400 && error.status < 500 ? error.status : 400,
          'The request body could not be read.',
        );
    }
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    return plain(status, status === 404 ? 'No such resource or endpoint.' : error.message);
  }
  const unavailable = databaseUnavailability(error);
  if (unavailable) {
    // Entra backs off and retries on 503 with Retry-After; a 500 it counts as a failure.
    return {
      status: 503,
      body: scimErrorBody(503, 'The service is temporarily unavailable. Retry later.'),
      headers: { 'Retry-After': String(DATABASE_RETRY_AFTER_SECONDS) },
      unexpected: false,
      databaseUnavailable: unavailable,
    };
  }
  return plain(500, 'An unexpected error occurred.');
}
