import { Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import type { ScimPrincipal } from '@rollcall/organizations';
import { SCIM_BEARER_STRATEGY } from './scim-bearer.strategy';

/** A missing, unknown or revoked token, or an organization with provisioning off. */
export class ScimUnauthorizedError extends Error {
  constructor(readonly tokenPresented: boolean) {
    super(
      tokenPresented
        ? 'The bearer token is invalid, revoked, or provisioning is disabled for its organization.'
        : 'A bearer token is required.',
    );
    this.name = 'ScimUnauthorizedError';
  }
}

@Injectable()
export class ScimAuthGuard extends AuthGuard(SCIM_BEARER_STRATEGY) {
  override handleRequest<TUser = ScimPrincipal>(
    error: unknown,
    principal: TUser | false,
    info: unknown,
  ): TUser {
    if (error) throw error;
    if (!principal) {
      // passport-http-bearer reports `invalid_token` in its challenge when a token was sent.
      throw new ScimUnauthorizedError(typeof info === 'string' && info.includes('invalid_token'));
    }
    return principal;
  }
}
