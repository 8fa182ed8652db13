import { Injectable } from '@nestjs/common';
import { Transactions } from '@rollcall/db';
import { AdminLookup, OrganizationLookup } from '@rollcall/organizations';
import { sessionExpiresAt } from '../domain/admin-session.policy';
import type { AuthenticatedAdmin } from '../domain/authenticated-admin';
import {
  generateCsrfToken,
  generateSessionSecret,
  isWellFormedSessionSecret,
  sessionIdOf,
} from '../domain/session.secret';
import { AdminSessionStore } from '../persistence/admin-session.store';

export interface AdminSignIn extends AuthenticatedAdmin {
  /** The cookie value; this is the only time it is known. */
  sessionSecret: string;
  expiresAt: Date;
}

export interface OpenAdminSessionCommand {
  adminId: string;
  ipAddress: string | null;
  userAgent: string | null;
  previousSessionSecret: string | null;
}

/**
 * A dashboard session for an admin whose identity is proven (password or Sign in with
 * Microsoft): rotation of any session the browser held, absolute expiry, last login.
 */
@Injectable()
export class OpenAdminSession {
  constructor(
    private readonly transactions: Transactions,
    private readonly sessions: AdminSessionStore,
    private readonly admins: AdminLookup,
    private readonly organizations: OrganizationLookup,
  ) {}

  execute(command: OpenAdminSessionCommand): Promise<AdminSignIn> {
    return this.transactions.run(async (tx) => {
      const { secret, id } = generateSessionSecret();
      const csrfToken = generateCsrfToken();
      const now = new Date();
      const expiresAt = sessionExpiresAt(now);
      const admin = await this.admins.find(command.adminId, tx);
      const organization = admin && (await this.organizations.find(admin.organizationId, tx));
      // Only a concurrent deletion gets here: the caller has just found the admin.
      if (!admin || !organization) throw new Error('The admin signing in no longer exists.');
      // Rotation: a session id planted before sign-in (session fixation) never becomes live.
      const previous = command.previousSessionSecret;
      if (previous && isWellFormedSessionSecret(previous)) {
        await this.sessions.revoke(tx, sessionIdOf(previous), now);
      }
      await this.sessions.open(tx, {
        id,
        adminId: admin.id,
        organizationId: organization.id,
        csrfToken,
        createdAt: now,
        expiresAt,
        userAgent: command.userAgent,
        ipAddress: command.ipAddress,
      });
      await this.admins.recordLogin(tx, admin.id, now);
      return {
        sessionSecret: secret,
        sessionId: id,
        csrfToken,
        expiresAt,
        admin: { id: admin.id, email: admin.email, role: admin.role },
        organization: { id: organization.id, name: organization.name, slug: organization.slug },
      };
    });
  }
}
