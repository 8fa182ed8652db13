import { Injectable } from '@nestjs/common';
import { UserLookup } from '@rollcall/directory';
import { OrganizationLookup } from '@rollcall/organizations';
import { sessionClock } from '../domain/admin-session.policy';
import type { AuthenticatedMember } from '../domain/authenticated-member';
import { isWellFormedSessionSecret, sessionIdOf } from '../domain/session.secret';
import { MemberSessionStore } from '../persistence/member-session.store';

@Injectable()
export class AuthenticateMemberSession {
  constructor(
    private readonly sessions: MemberSessionStore,
    private readonly users: UserLookup,
    private readonly organizations: OrganizationLookup,
  ) {}

  /**
   * The member behind a live session secret, else null. Reading the user's `active` on every
   * request is what makes SCIM deactivation revoke every session at once, on every replica,
   * with no extra write. Deleting the user deletes the sessions (foreign key cascade); a
   * request that read the session just before finds no user, and is refused all the same.
   */
  async execute(secret: string | null | undefined): Promise<AuthenticatedMember | null> {
    if (!secret || !isWellFormedSessionSecret(secret)) return null;
    const clock = sessionClock(new Date());
    const session = await this.sessions.findLive(sessionIdOf(secret), clock);
    if (!session) return null;
    const [users, organization] = await Promise.all([
      this.users.summaries(session.organizationId, [session.userId]),
      this.organizations.find(session.organizationId),
    ]);
    const user = users.get(session.userId);
    if (!user?.active || !organization) return null;
    if (session.lastSeenStale) await this.sessions.touch(session.id, clock);
    return {
      sessionId: session.id,
      csrfToken: session.csrfToken ?? '',
      user: { id: user.id, userName: user.userName },
      organization: { id: organization.id, name: organization.name, slug: organization.slug },
    };
  }
}
