import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { inTransaction } from '@rollcall/db';
import { OrganizationAdminEntity, OrganizationEntity } from '@rollcall/organizations';
import { sessionExpiresAt } from '../domain/admin-session.policy';
import {
  generateCsrfToken,
  generateSessionSecret,
  isWellFormedSessionSecret,
  sessionIdOf,
} from '../domain/session.secret';
import { AdminSessionEntity } from '../persistence/admin-session.entity';
import type { AdminSignIn } from './log-in-admin.use-case';

export interface OpenAdminSessionCommand {
  adminId: string;
  ipAddress: string | null;
  userAgent: string | null;
  previousSessionSecret: string | null;
}

/**
 * A dashboard session for an admin whose identity was already proven elsewhere (Sign in with
 * Microsoft). Same rows and rules as the password sign-in: rotation, absolute expiry.
 */
@Injectable()
export class OpenAdminSession {
  constructor(private readonly dataSource: DataSource) {}

  execute(command: OpenAdminSessionCommand): Promise<AdminSignIn> {
    const { secret, id } = generateSessionSecret();
    const csrfToken = generateCsrfToken();
    const now = new Date();
    const expiresAt = sessionExpiresAt(now);
    return inTransaction(this.dataSource, async (manager) => {
      const admin = await manager.findOneByOrFail(OrganizationAdminEntity, {
        id: command.adminId,
      });
      const organization = await manager.findOneByOrFail(OrganizationEntity, {
        id: admin.organizationId,
      });
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
    });
  }
}
