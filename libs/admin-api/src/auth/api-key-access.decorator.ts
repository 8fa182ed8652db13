import { SetMetadata, applyDecorators } from '@nestjs/common';
import { ApiExtension, ApiForbiddenResponse } from '@nestjs/swagger';
import { ApiErrorDto } from '../http/api-error.dto';

export const API_KEY_ACCESS = 'rollcall:api-key-access';
/** The OpenAPI security scheme of admin API keys (defined with the document). */
export const API_KEY_AUTH = 'api-key';

/**
 * The directory endpoints a backend may call with an API key (users, teams, the
 * provisioning log, role mappings) as well as with a session. Everything else — key
 * management, SSO, SCIM credentials, settings — answers 403 SESSION_REQUIRED to a key.
 */
export function AcceptsApiKeys(): ClassDecorator & MethodDecorator {
  return applyDecorators(
    SetMetadata(API_KEY_ACCESS, true),
    // The operation's `security` keeps documenting the session cookie as before; the
    // `api-key` scheme's description names these endpoints, and this extension marks them.
    ApiExtension('x-accepts-api-key', true),
    ApiForbiddenResponse({
      type: ApiErrorDto,
      description: 'INSUFFICIENT_SCOPE: a `read` key asked for a change.',
    }),
  );
}
