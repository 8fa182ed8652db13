import { Injectable } from '@nestjs/common';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { inTransaction } from '@rollcall/db';
import { OrganizationAdminEntity, OrganizationEntity } from '@rollcall/organizations';
import { sessionExpiresAt } from '../domain/admin-session.policy';
import type { AuthenticatedAdmin } from '../domain/authenticated-admin';
import {
  generateCsrfToken,
  generateSessionSecret,
  isWellFormedSessionSecret,
  sessionIdOf,
} from '../domain/session.secret';
import { AdminSessionEntity } from '../persistence/admin-session.entity';

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
  constructor(private readonly dataSource: DataSource) {}

  execute(command: OpenAdminSessionCommand): Promise<AdminSignIn> {
    return inTransaction(this.dataSource, (manager) => this.openWithin(manager, command));
  }

  /** Opens the session inside a caller's transaction (the password sign-in uses it). */
  async openWithin(manager: EntityManager, command: OpenAdminSessionCommand): Promise<AdminSignIn> {
    const { secret, id } = generateSessionSecret();
    const csrfToken = generateCsrfToken();
    const now = new Date();
    const expiresAt = sessionExpiresAt(now);
    {
      const admin = await manager.findOneByOrFail(OrganizationAdminEntity, {
        id: command.adminId,
      });
      const organization = await manager.findOneByOrFail(OrganizationEntity, {
        id: admin.organizationId,
      });
      // Rotation: a session id planted before sign-in (session fixation) never becomes live.
      const previous = command.previousSessionSecret;
      if (previous && isWellFormedSessionSecret(previous)) {
        await manager.update(
          AdminSessionEntity,
          { id: sessionIdOf(previous), revokedAt: IsNull() },
          { revokedAt: now },
        );
      }
      await manager.insert(AdminSessionEntity, {
        id,
        adminId: admin.id,
        organizationId: organization.id,
        csrfToken,
        createdAt: now,
        lastSeenAt: now,
        expiresAt,
        revokedAt: null,
        userAgent: command.userAgent?.slice(0, 512) ?? null,
        ipAddress: command.ipAddress?.slice(0, 64) ?? null,
      });
      await manager.update(OrganizationAdminEntity, { id: admin.id }, { lastLoginAt: now });
      return {
        sessionSecret: secret,
        sessionId: id,
        csrfToken,
        expiresAt,
        admin: { id: admin.id, email: admin.email },
        organization: { id: organization.id, name: organization.name, slug: organization.slug },
      };
    }
  }
}
