import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { AuthenticateAdminSession, SsoError, csrfTokenMatches } from '@rollcall/sso';
import type { Request } from 'express';
import type { AdminSessionRequest } from './admin-session.request';
import { ADMIN_API_OPTIONS, type AdminApiOptions } from '../admin-api.options';
import { cookiesAreSecure, readSessionCookie } from './session.cookie';

export const CSRF_HEADER = 'X-CSRF-Token';

// RFC 9110 §9.2.1: these are safe, the rest change state and need the CSRF token.
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

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
 */
@Injectable()
export class AdminSessionGuard implements CanActivate {
  constructor(
    private readonly authenticateSession: AuthenticateAdminSession,
    @Inject(ADMIN_API_OPTIONS) private readonly options: AdminApiOptions,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AdminSessionRequest>();
    const session = await this.authenticateSession.execute(
      readSessionCookie(request.headers.cookie, cookiesAreSecure(request, this.options.publicUrl)),
    );
    if (!session) {
      throw new SsoError('UNAUTHENTICATED', 'Sign in to continue.');
    }
    assertCsrfToken(request, session.csrfToken);
    request.adminSession = session;
    return true;
  }
}
