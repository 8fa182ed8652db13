import { UseFilters, UseGuards, applyDecorators } from '@nestjs/common';
import {
  ApiCookieAuth,
  ApiForbiddenResponse,
  ApiHeader,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { AdminSessionGuard, CSRF_HEADER } from '../auth/admin-session.guard';
import { ADMIN_SESSION_COOKIE } from '../auth/session.cookie';
import { ApiErrorDto } from './api-error.dto';
import { ApiKeyErrorFilter } from './api-key-error.filter';

/**
 * A controller of the signed-in admin: the session guard (401 without a live session, 403
 * without the CSRF header on writes) and the matching OpenAPI security. API keys are
 * refused (403 SESSION_REQUIRED) unless the controller is also marked @AcceptsApiKeys().
 */
export function AdminRoutes(): MethodDecorator & ClassDecorator {
  return applyDecorators(
    UseGuards(AdminSessionGuard),
    UseFilters(ApiKeyErrorFilter),
    ApiCookieAuth(ADMIN_SESSION_COOKIE),
    ApiUnauthorizedResponse({ type: ApiErrorDto, description: 'UNAUTHENTICATED' }),
  );
}

/** A state-changing endpoint: documents the CSRF header AdminSessionGuard checks. */
export function AdminWrite(): MethodDecorator {
  return applyDecorators(
    ApiHeader({ name: CSRF_HEADER, required: true, description: 'The session’s CSRF token.' }),
    ApiForbiddenResponse({ type: ApiErrorDto, description: 'CSRF_TOKEN_INVALID' }),
  );
}
