import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OrganizationAdminEntity, OrganizationEntity } from '@rollcall/organizations';
import { idleCutoff, SESSION_LAST_SEEN_RESOLUTION_MS } from '../domain/admin-session.policy';
import type { AuthenticatedAdmin } from '../domain/authenticated-admin';
import { isWellFormedSessionSecret, sessionIdOf } from '../domain/session.secret';
import { AdminSessionEntity } from '../persistence/admin-session.entity';

interface SessionRow {
  sessionId: string;
  csrfToken: string;
  adminId: string;
  adminEmail: string;
  organizationId: string;
  organizationName: string;
  organizationSlug: string;
  /** 1 when last_seen_at is older than its resolution and should be written. */
  stale: number | string;
}

@Injectable()
export class AuthenticateAdminSession {
  constructor(private readonly dataSource: DataSource) {}

  /** The admin behind a live (not revoked, not expired, not idle) session secret, else null. */
  async execute(secret: string | null | undefined): Promise<AuthenticatedAdmin | null> {
    if (!secret || !isWellFormedSessionSecret(secret)) return null;
    const id = sessionIdOf(secret);
    const now = new Date();
    const stale = new Date(now.getTime() - SESSION_LAST_SEEN_RESOLUTION_MS);
    // Expiry is decided in SQL, against one clock per request.
    const row = await this.dataSource
      .createQueryBuilder(AdminSessionEntity, 's')
      .innerJoin(OrganizationAdminEntity, 'a', 'a.id = s.admin_id')
      .innerJoin(OrganizationEntity, 'o', 'o.id = s.organization_id')
      .select('s.id', 'sessionId')
      .addSelect('s.csrf_token', 'csrfToken')
      .addSelect('a.id', 'adminId')
      .addSelect('a.email', 'adminEmail')
      .addSelect('o.id', 'organizationId')
      .addSelect('o.name', 'organizationName')
      .addSelect('o.slug', 'organizationSlug')
      .addSelect('CASE WHEN s.last_seen_at < :stale THEN 1 ELSE 0 END', 'stale')
      .where('s.id = :id', { id })
      .andWhere('s.revoked_at IS NULL')
      .andWhere('s.expires_at > :now', { now })
      .andWhere('s.last_seen_at > :idle', { idle: idleCutoff(now) })
      .setParameter('stale', stale)
      .getRawOne<SessionRow>();
    if (!row) return null;
    if (Number(row.stale) === 1) await this.touch(id, now, stale);
    return {
      sessionId: row.sessionId,
      csrfToken: row.csrfToken,
      admin: { id: row.adminId, email: row.adminEmail },
      organization: {
        id: row.organizationId,
        name: row.organizationName,
        slug: row.organizationSlug,
      },
    };
  }

  private async touch(id: string, now: Date, stale: Date): Promise<void> {
    // Conditional, so concurrent requests of one session write it once a minute at most.
    // A lost update only shortens the idle window by a minute, so it does not queue behind
    // other writers' transactions (same tradeoff as AuthenticateScimToken's last-used).
    await this.dataSource
      .createQueryBuilder()
      .update(AdminSessionEntity)
      .set({ lastSeenAt: now })
      .where('id = :id', { id })
      .andWhere('last_seen_at < :stale', { stale })
      .execute();
  }
}
