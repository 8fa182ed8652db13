import type { Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { SCIM_BASE_PATH, writeScimError } from '@rollcall/scim-nest';
import { toApiErrorBody } from './api-error.response';

const SCIM_PREFIX = `/${SCIM_BASE_PATH}`;

/** Each edge answers in its own error shape: SCIM under /scim/v2, the admin API elsewhere. */
export function writeEdgeError(
  error: unknown,
  request: Request,
  response: Response,
  logger: Logger,
): void {
  if (request.path === SCIM_PREFIX || request.path.startsWith(`${SCIM_PREFIX}/`)) {
    writeScimError(error, request, response, logger);
    return;
  }
  const body = { ...toApiErrorBody(error), requestId: String(request.id) };
  if (body.statusCode >= 500) {
    logger.error(
      { err: error, requestId: request.id, path: request.path },
      'Request failed unexpectedly',
    );
  }
  response.status(body.statusCode).json(body);
}
