import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request, Response } from 'express';
import { RateLimitedError, RateLimiters, type RateLimiter } from '@rollcall/rate-limit';
import { OIDC_AUTHORIZATION_LIFETIME_MS, SsoError } from '@rollcall/sso';
import { ADMIN_API_OPTIONS, type AdminApiOptions } from '../admin-api.options';

/**
 * Each unauthenticated sign-in start stores a pending round trip (state, nonce, PKCE verifier)
 * until its callback or expiry: capped per client address, so a loop of GETs cannot fill the
 * table. The window matches the round trip's lifetime, so one address never holds more than
 * the cap of pending rows.
 */
@Injectable()
export class SignInStartLimitGuard implements CanActivate {
  private readonly starts: RateLimiter;

  constructor(limiters: RateLimiters, @Inject(ADMIN_API_OPTIONS) options: AdminApiOptions) {
    this.starts = limiters.create({
      name: 'sign-in-starts',
      rule: {
        points: options.signInStartsPer10Minutes,
        durationSeconds: OIDC_AUTHORIZATION_LIFETIME_MS / 1000,
      },
      whenStoreFails: 'count-in-memory',
    });
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    try {
      await this.starts.consume(request.ip ?? 'unknown');
      return true;
    } catch (error) {
      if (!(error instanceof RateLimitedError)) throw error;
      // Guards run before interceptors, so the header is set here rather than on the way out.
      http.getResponse<Response>().setHeader('Retry-After', String(error.retryAfterSeconds));
      throw new SsoError(
        'TOO_MANY_ATTEMPTS',
        'Too many sign-ins started from this address. Try again later.',
        error.retryAfterSeconds,
      );
    }
  }
}
