import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AuthenticatedAdmin } from '@rollcall/sso';
import type { AdminSessionRequest } from './admin-session.request';

/** Who is calling an admin endpoint; every query is scoped to `organizationId`. */
export interface AdminPrincipal {
  adminId: string;
  organizationId: string;
  sessionId: string;
  /** `admin:<e-mail>`: who the changes made in this request are recorded as. */
  actor: string;
}

function sessionOf(context: ExecutionContext): AuthenticatedAdmin {
  const request = context.switchToHttp().getRequest<AdminSessionRequest>();
  const session = request.adminSession;
  // Programming errors, not client ones: the route forgot @UseGuards(AdminSessionGuard), or
  // accepts API keys (@AcceptsApiKeys) but reads the session instead of @CurrentCaller().
  if (!session && request.apiKey) {
    throw new Error('A route that accepts API keys reads its caller with @CurrentCaller().');
  }
  if (!session) throw new Error('The route needs @UseGuards(AdminSessionGuard).');
  return session;
}

/** The admin behind the current request (set by AdminSessionGuard). */
export const CurrentAdmin = createParamDecorator(
  (_: unknown, context: ExecutionContext): AdminPrincipal => {
    const session = sessionOf(context);
    return {
      adminId: session.admin.id,
      organizationId: session.organization.id,
      sessionId: session.sessionId,
      actor: `admin:${session.admin.email}`,
    };
  },
);

/** The whole session: the admin, the organization and the CSRF token. */
export const CurrentAdminSession = createParamDecorator(
  (_: unknown, context: ExecutionContext): AuthenticatedAdmin => sessionOf(context),
);

/**
 * Who is calling a route that takes API keys too (@AcceptsApiKeys()): the organization and
 * the actor to record — `admin:<e-mail>` for a session, `api_key:<name>` for a key.
 */
export interface Caller {
  organizationId: string;
  actor: string;
}

export const CurrentCaller = createParamDecorator(
  (_: unknown, context: ExecutionContext): Caller => {
    const request = context.switchToHttp().getRequest<AdminSessionRequest>();
    if (request.apiKey) {
      return {
        organizationId: request.apiKey.organizationId,
        actor: `api_key:${request.apiKey.name}`,
      };
    }
    const session = sessionOf(context);
    // The session carries the admin's e-mail as the organizations feature stores it.
    return { organizationId: session.organization.id, actor: `admin:${session.admin.email}` };
  },
);
