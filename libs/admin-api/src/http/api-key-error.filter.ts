import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { ApiErrorBody } from '@rollcall/contracts';
import { ApiKeyError, type ApiKeyErrorCode } from '@rollcall/organizations';

function apiKeyStatus(code: ApiKeyErrorCode): number {
  switch (code) {
    case 'INVALID_API_KEY':
      return 401;
    case 'INSUFFICIENT_SCOPE':
    case 'SESSION_REQUIRED':
      return 403;
    case 'API_KEY_NOT_FOUND':
      return 404;
    case 'API_KEY_NAME_TAKEN':
      return 409;
    case 'API_KEY_NAME_INVALID':
    case 'API_KEY_EXPIRY_INVALID':
      return 400;
  }
}

/**
 * The admin API's error shape for API key errors, on every admin controller (AdminRoutes
 * binds it, so AdminSessionGuard's refusals are covered too); other errors go on to the
 * application's edge filter.
 */
@Catch(ApiKeyError)
export class ApiKeyErrorFilter implements ExceptionFilter {
  catch(error: ApiKeyError, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const body: ApiErrorBody = {
      statusCode: apiKeyStatus(error.code),
      code: error.code,
      message: error.message,
      requestId: String(request.id),
    };
    http.getResponse<Response>().status(body.statusCode).json(body);
  }
}
