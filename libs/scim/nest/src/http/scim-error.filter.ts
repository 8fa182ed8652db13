import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DATABASE_UNAVAILABLE_LOCAL } from '@rollcall/db';
import { SCIM_CONTENT_TYPE, toScimErrorResponse } from './scim-error.response';
import { methodNotAllowed } from './scim-method-not-allowed';

/** Writes any failure of a SCIM request as the RFC 7644 error envelope. */
@Catch()
export class ScimErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Scim');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    writeScimError(
      exception,
      http.getRequest<Request>(),
      http.getResponse<Response>(),
      this.logger,
    );
  }
}

export function writeScimError(
  exception: unknown,
  request: Request,
  response: Response,
  logger: Logger,
): void {
  const { status, body, headers, unexpected, databaseUnavailable } =
    methodNotAllowed(exception, request) ?? toScimErrorResponse(exception);
  if (databaseUnavailable) {
    response.locals[DATABASE_UNAVAILABLE_LOCAL] = databaseUnavailable;
    logger.warn(
      { err: exception, requestId: request.id, path: request.path, reason: databaseUnavailable },
      'SCIM request answered 503: the database is unavailable',
    );
  }
  if (unexpected) {
    logger.error(
      { err: exception, requestId: request.id, path: request.path },
      'SCIM request failed unexpectedly',
    );
  }
  response.locals['scimError'] = body;
  response.status(status).set(headers).type(SCIM_CONTENT_TYPE).send(JSON.stringify(body));
}
