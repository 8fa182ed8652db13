import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';

function messages(errors: ValidationError[]): string[] {
  return errors.flatMap((error) => [
    ...Object.values(error.constraints ?? {}),
    ...messages(error.children ?? []),
  ]);
}

/** Every validation problem of one request as a single 400 (the edge gives it the admin shape). */
export function adminValidationException(errors: ValidationError[]): BadRequestException {
  return new BadRequestException(messages(errors).join('; ') || 'The request is not valid.');
}

/**
 * Validates an admin API body against its DTO class; failures become one 400 whose message
 * lists every problem (the edge turns it into the admin error shape). Unknown properties are
 * dropped, never an error, so clients can send more than this version knows.
 */
export function adminBodyPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidUnknownValues: true,
    exceptionFactory: adminValidationException,
  });
}
