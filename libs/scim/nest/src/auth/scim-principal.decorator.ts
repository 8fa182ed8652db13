import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { ScimPrincipal } from '@rollcall/organizations';

/** The organization and token behind the current SCIM request (set by ScimAuthGuard). */
export const CurrentScimPrincipal = createParamDecorator(
  (_: unknown, context: ExecutionContext): ScimPrincipal =>
    context.switchToHttp().getRequest<{ user: ScimPrincipal }>().user,
);

/** The actor recorded with the request's changes: `scim:<token prefix or OAuth client>`. */
export function scimActor(principal: ScimPrincipal): string {
  return `scim:${principal.tokenPrefix}`;
}
