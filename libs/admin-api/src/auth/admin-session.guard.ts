import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import {
  ApiKeyError,
  AuthenticateApiKey,
  mayManageAdmins,
  mayWrite,
  type AdminRole,
  type ApiKeyPrincipal,
} from '@rollcall/organizations';
import { RateLimitedError, RateLimiters, type RateLimiter } from '@rollcall/rate-limit';
import { AuthenticateAdminSession, SsoError, csrfTokenMatches } from '@rollcall/sso';
import type { AdminSessionRequest } from './admin-session.request';
import { ADMIN_API_OPTIONS, type AdminApiOptions } from '../admin-api.options';
import { OWN_ACCOUNT, OWNER_ONLY } from '../admins/owner-only.decorator';
import { API_KEY_ACCESS } from './api-key-access.decorator';
import { RoleForbiddenException } from './role-forbidden.exception';
import { bearerCredentialOf } from './api-key-bearer';
import { cookiesAreSecure, readSessionCookie } from './session.cookie';

export const CSRF_HEADER = 'X-CSRF-Token';

// RFC 9110 §9.2.1: these are safe, the rest change state and need the CSRF token.
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** What a `read` key may call: reading only (OPTIONS never reaches a route guard). */
const READ_METHODS = new Set(['GET', 'HEAD']);
const DEFAULT_KEY_FAILURES_PER_MINUTE = 20;
/** The signed-in admin's own account and session, which a viewer manages too. */
const OWN_ACCOUNT_PATHS = ['/api/auth/', '/api/account/'];

/**
 * A state-changing request must carry its session's token in X-CSRF-Token (else 403
 * CSRF_TOKEN_INVALID): the double-submit scheme of admin and member sessions alike.
 */
export function assertCsrfToken(request: Request, sessionToken: string): void {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return;
  if (csrfTokenMatches(sessionToken, request.get(CSRF_HEADER))) return;
  throw new SsoError(
    'CSRF_TOKEN_INVALID',
    `The ${CSRF_HEADER} header is missing or does not match this session.`,
  );
}

/**
 * Every admin endpoint sits behind this: a live session cookie (else 401 UNAUTHENTICATED)
 * and, on state-changing methods, `X-CSRF-Token` equal to the session's token (else 403
 * CSRF_TOKEN_INVALID). SameSite=Lax already keeps the cookie off cross-site POSTs; the
 * token covers what Lax does not (same-site subdomains, old browsers).
 *
 * Or `Authorization: Bearer rck_…`, an API key: then the bearer alone decides (a cookie
 * sent along is ignored) and no CSRF token is needed, since a browser never attaches the
 * header by itself. Keys reach only routes marked @AcceptsApiKeys() (else 403
 * SESSION_REQUIRED), and a `read` key only their GET/HEAD (else 403 INSUFFICIENT_SCOPE).
 */
@Injectable()
export class AdminSessionGuard implements CanActivate {
  private readonly keyFailures: RateLimiter;

  constructor(
    private readonly authenticateSession: AuthenticateAdminSession,
    private readonly authenticateApiKey: AuthenticateApiKey,
    private readonly reflector: Reflector,
    limiters: RateLimiters,
    @Inject(ADMIN_API_OPTIONS) private readonly options: AdminApiOptions,
  ) {
    this.keyFailures = limiters.create({
      name: 'admin-api:key-failures',
      rule: {
        points: options.apiKeyAuthFailuresPerMinute ?? DEFAULT_KEY_FAILURES_PER_MINUTE,
        durationSeconds: 60,
      },
      // Guards credentials: without Redis it keeps counting per process rather than stopping.
      whenStoreFails: 'count-in-memory',
    });
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AdminSessionRequest>();
    const bearer = bearerCredentialOf(request);
    if (bearer !== undefined) {
      request.apiKey = await this.authenticateKey(context, request, bearer);
      return true;
    }
    const session = await this.authenticateSession.execute(
      readSessionCookie(request.headers.cookie, cookiesAreSecure(request, this.options.publicUrl)),
    );
    if (!session) {
      throw new SsoError('UNAUTHENTICATED', 'Sign in to continue.');
    }
    assertCsrfToken(request, session.csrfToken);
    this.assertRoleAllows(context, request, session.admin.role);
    request.adminSession = session;
    return true;
  }

  /**
   * Roles, decided here once for every admin route: a viewer only reads (their own account
   * under /api/auth and /api/account — signing out, their password, their two-factor — stays
   * theirs), and routes marked
   * @OwnerOnly() are an owner's. API keys are unaffected: their scope decides.
   */
  private assertRoleAllows(context: ExecutionContext, request: Request, role: AdminRole): void {
    const ownerOnly = this.reflector.getAllAndOverride<boolean | undefined>(OWNER_ONLY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (ownerOnly && !mayManageAdmins(role)) {
      throw new RoleForbiddenException('Only an owner of the organization can manage its admins.');
    }
    const ownAccount =
      OWN_ACCOUNT_PATHS.some((path) => request.path.startsWith(path)) ||
      this.reflector.get<boolean | undefined>(OWN_ACCOUNT, context.getHandler()) === true;
    if (!mayWrite(role) && !READ_METHODS.has(request.method.toUpperCase()) && !ownAccount) {
      throw new RoleForbiddenException(
        'You have read-only access (viewer): ask an owner of the organization for the admin role to make changes.',
      );
    }
  }

  private async authenticateKey(
    context: ExecutionContext,
    request: Request,
    bearer: string,
  ): Promise<ApiKeyPrincipal> {
    const key = bearer ? await this.authenticateApiKey.execute(bearer) : null;
    if (!key) {
      const response = context.switchToHttp().getResponse<Response>();
      await this.countFailure(request, response);
      // RFC 6750 §3: a refused bearer is answered with its challenge.
      response.setHeader('WWW-Authenticate', 'Bearer error="invalid_token"');
      throw new ApiKeyError('INVALID_API_KEY', 'The API key is invalid, revoked or expired.');
    }
    const accepted = this.reflector.getAllAndOverride<boolean | undefined>(API_KEY_ACCESS, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!accepted) {
      throw new ApiKeyError(
        'SESSION_REQUIRED',
        'This endpoint needs a signed-in admin; API keys cannot call it.',
      );
    }
    if (key.scope === 'read' && !READ_METHODS.has(request.method.toUpperCase())) {
      throw new ApiKeyError(
        'INSUFFICIENT_SCOPE',
        'This API key may only read; changes need a read_write key.',
      );
    }
    return key;
  }

  /** Past the address's limit the refusal becomes a 429 instead of a 401. */
  private async countFailure(request: Request, response: Response): Promise<void> {
    try {
      await this.keyFailures.consume(request.ip ?? 'unknown');
    } catch (error) {
      if (!(error instanceof RateLimitedError)) throw error;
      // Guards run before interceptors, so the header is set here rather than on the way out.
      response.setHeader('Retry-After', String(error.retryAfterSeconds));
      throw new SsoError(
        'TOO_MANY_ATTEMPTS',
        'Too many refused API keys from this address. Try again later.',
        error.retryAfterSeconds,
      );
    }
  }
}
