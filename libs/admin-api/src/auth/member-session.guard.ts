import {
  createParamDecorator,
  Inject,
  Injectable,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import type { Request } from 'express';
import { AuthenticateMemberSession, SsoError, type AuthenticatedMember } from '@rollcall/sso';
import { ADMIN_API_OPTIONS, type AdminApiOptions } from '../admin-api.options';
import { readMemberSessionCookie } from '../sso/oidc-state.cookie';
import { assertCsrfToken } from './admin-session.guard';
import { cookiesAreSecure } from './session.cookie';

interface MemberSessionRequest extends Request {
  memberSession?: AuthenticatedMember;
}

/**
 * A member endpoint: a live member session cookie (else 401 UNAUTHENTICATED) and, on
 * state-changing methods, `X-CSRF-Token` equal to the session's token (else 403
 * CSRF_TOKEN_INVALID) — the same scheme as AdminSessionGuard, for the same reasons.
 */
@Injectable()
export class MemberSessionGuard implements CanActivate {
  constructor(
    private readonly authenticateMember: AuthenticateMemberSession,
    @Inject(ADMIN_API_OPTIONS) private readonly options: AdminApiOptions,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<MemberSessionRequest>();
    const session = await this.authenticateMember.execute(
      readMemberSessionCookie(
        request.headers.cookie,
        cookiesAreSecure(request, this.options.publicUrl),
      ),
    );
    if (!session) throw new SsoError('UNAUTHENTICATED', 'Sign in to continue.');
    assertCsrfToken(request, session.csrfToken);
    request.memberSession = session;
    return true;
  }
}

/** The member behind the current request (set by MemberSessionGuard). */
export const CurrentMember = createParamDecorator(
  (_: unknown, context: ExecutionContext): AuthenticatedMember => {
    const session = context.switchToHttp().getRequest<MemberSessionRequest>().memberSession;
    // A programming error, not a client one: the route forgot @UseGuards(MemberSessionGuard).
    if (!session) throw new Error('The route needs @UseGuards(MemberSessionGuard).');
    return session;
  },
);
