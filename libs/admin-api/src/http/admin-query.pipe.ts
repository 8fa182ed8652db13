import { ValidationPipe } from '@nestjs/common';
import { adminValidationException } from './admin-body.pipe';

/**
 * Validates a query string against its DTO class and hands the controller the DTO instance,
 * so `@Type(() => Number)` conversions and property defaults apply. Unknown parameters are
 * dropped; failures are one 400, as for bodies.
 */
export function adminQueryPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidUnknownValues: true,
    exceptionFactory: adminValidationException,
  });
}
