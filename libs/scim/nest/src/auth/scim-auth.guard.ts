import { Injectable, type ExecutionContext } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import type { Request } from 'express';
import type { ScimPrincipal } from '@rollcall/organizations';
import { SCIM_BEARER_STRATEGY } from './scim-bearer.strategy';
import { ScimRateLimits } from './scim-rate-limits';

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
  constructor(private readonly limits: ScimRateLimits) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request & { user?: ScimPrincipal }>();
    try {
      await super.canActivate(context);
    } catch (error) {
      // Past the address's limit the failure becomes a 429 (RateLimitedError) instead.
      if (error instanceof ScimUnauthorizedError)
        await this.limits.authenticationFailed(request.ip);
      throw error;
    }
    if (request.user) await this.limits.request(request.user.tokenId);
    return true;
  }

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
