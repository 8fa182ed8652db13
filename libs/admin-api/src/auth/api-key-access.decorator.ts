import { SetMetadata, applyDecorators } from '@nestjs/common';
import { ApiExtension, ApiForbiddenResponse, ApiSecurity } from '@nestjs/swagger';
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
    // A second alternative beside the session cookie of @AdminRoutes (OpenAPI: either one
    // satisfies the operation); the extension stays for clients that read it.
    ApiSecurity(API_KEY_AUTH),
    ApiExtension('x-accepts-api-key', true),
    ApiForbiddenResponse({
      type: ApiErrorDto,
      description: 'INSUFFICIENT_SCOPE: a `read` key asked for a change.',
    }),
  );
}
