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

export const OWN_ACCOUNT = 'rollcall:own-account';

/**
 * The signed-in admin's own account (linking their sign-in accounts, say): a viewer may call it
 * even though it writes, since it changes nothing of the organization's.
 */
export function OwnAccount(): MethodDecorator {
  return SetMetadata(OWN_ACCOUNT, true);
}
