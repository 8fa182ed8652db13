import { SetMetadata, applyDecorators } from '@nestjs/common';
import { ApiForbiddenResponse } from '@nestjs/swagger';
import { ApiErrorDto } from '../http/api-error.dto';

export const OWNER_ONLY = 'rollcall:owner-only';

/** Only an owner may call it (AdminSessionGuard answers others 403 ROLE_FORBIDDEN). */
export function OwnerOnly(): ClassDecorator & MethodDecorator {
  return applyDecorators(
    SetMetadata(OWNER_ONLY, true),
    ApiForbiddenResponse({
      type: ApiErrorDto,
      description: 'ROLE_FORBIDDEN: only an owner of the organization manages its admins.',
    }),
  );
}
