import { Injectable } from '@nestjs/common';
import { AdminLookup, OrganizationLookup } from '@rollcall/organizations';
import { sessionClock } from '../domain/admin-session.policy';
import type { AuthenticatedAdmin } from '../domain/authenticated-admin';
import { isWellFormedSessionSecret, sessionIdOf } from '../domain/session.secret';
import { AdminSessionStore } from '../persistence/admin-session.store';

@Injectable()
export class AuthenticateAdminSession {
  constructor(
    private readonly sessions: AdminSessionStore,
    private readonly admins: AdminLookup,
    private readonly organizations: OrganizationLookup,
  ) {}

  /** The admin behind a live (not revoked, not expired, not idle) session secret, else null. */
  async execute(secret: string | null | undefined): Promise<AuthenticatedAdmin | null> {
    if (!secret || !isWellFormedSessionSecret(secret)) return null;
    // Expiry is decided against one clock per request.
    const clock = sessionClock(new Date());
    const session = await this.sessions.findLive(sessionIdOf(secret), clock);
    if (!session) return null;
    const [admin, organization] = await Promise.all([
      this.admins.find(session.adminId),
      this.organizations.find(session.organizationId),
    ]);
    // Deleting either deletes the session too (foreign key cascade); one read may still have
    // found it first.
    if (!admin || !organization) return null;
    // Same tradeoff as AuthenticateScimToken's last-used: written outside any transaction, so
    // it does not queue behind other writers'.
    if (session.lastSeenStale) await this.sessions.touch(session.id, clock);
    return {
      sessionId: session.id,
      csrfToken: session.csrfToken,
      admin: { id: admin.id, email: admin.email, role: admin.role },
      organization: { id: organization.id, name: organization.name, slug: organization.slug },
    };
  }
}
