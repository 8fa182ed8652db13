import type { Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import {
  DATABASE_RETRY_AFTER_SECONDS,
  DATABASE_UNAVAILABLE_LOCAL,
  databaseUnavailability,
} from '@rollcall/db';
import {
  OAUTH_TOKEN_PATH,
  SCIM_BASE_PATH,
  writeOAuthTokenError,
  writeScimError,
} from '@rollcall/scim-nest';
import { toApiErrorBody } from './api-error.response';
import { loggablePath } from './logger.options';

const SCIM_PREFIX = `/${SCIM_BASE_PATH}`;

/** A request to the SCIM edge, which answers in SCIM's own shapes. */
export function isScimRequest(request: Request): boolean {
  return request.path === SCIM_PREFIX || request.path.startsWith(`${SCIM_PREFIX}/`);
}

/**
 * Each edge answers in its own error shape: SCIM under /scim/v2, RFC 6749 on the token
 * endpoint, the admin API elsewhere.
 */
export function writeEdgeError(
  error: unknown,
  request: Request,
  response: Response,
  logger: Logger,
): void {
  if (isScimRequest(request)) {
    writeScimError(error, request, response, logger);
    return;
  }
  const unavailable = databaseUnavailability(error);
  if (unavailable) {
    logger.warn(
      { err: error, requestId: request.id, path: loggablePath(request.path), reason: unavailable },
      'Request answered 503: the database is unavailable',
    );
  }
  if (request.path === OAUTH_TOKEN_PATH) {
    if (!unavailable && !(error as { status?: unknown } | null)?.status) {
      logger.error({ err: error, requestId: request.id }, 'Token request failed unexpectedly');
    }
    writeOAuthTokenError(error, response);
    return;
  }
  const body = { ...toApiErrorBody(error), requestId: String(request.id) };
  if (unavailable) {
    response.locals[DATABASE_UNAVAILABLE_LOCAL] = unavailable;
    response.set('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
  }
  if (body.statusCode >= 500) {
    logger.error(
      { err: error, requestId: request.id, path: loggablePath(request.path) },
      'Request failed unexpectedly',
    );
  }
  response.status(body.statusCode).json(body);
}
