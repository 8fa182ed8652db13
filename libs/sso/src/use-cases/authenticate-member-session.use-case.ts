import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OrganizationEntity } from '@rollcall/organizations';
import { idleCutoff, SESSION_LAST_SEEN_RESOLUTION_MS } from '../domain/admin-session.policy';
import type { AuthenticatedMember } from '../domain/authenticated-member';
import { isWellFormedSessionSecret, sessionIdOf } from '../domain/session.secret';
import { MemberSessionEntity } from '../persistence/member-session.entity';

interface MemberRow {
  sessionId: string;
  csrfToken: string | null;
  userId: string;
  userName: string;
  organizationId: string;
  organizationName: string;
  organizationSlug: string;
  stale: number | string;
}

@Injectable()
export class AuthenticateMemberSession {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The member behind a live session secret, else null. The join on `users.active` is what
   * makes SCIM deactivation revoke every session at once, on every replica, with no extra
   * write; deleting the user deletes the sessions (foreign key cascade).
   */
  async execute(secret: string | null | undefined): Promise<AuthenticatedMember | null> {
    if (!secret || !isWellFormedSessionSecret(secret)) return null;
    const id = sessionIdOf(secret);
    const now = new Date();
    const stale = new Date(now.getTime() - SESSION_LAST_SEEN_RESOLUTION_MS);
    const row = await this.dataSource
      .createQueryBuilder(MemberSessionEntity, 's')
      .innerJoin('users', 'u', 'u.id = s.user_id AND u.organization_id = s.organization_id')
      .innerJoin(OrganizationEntity, 'o', 'o.id = s.organization_id')
      .select('s.id', 'sessionId')
      .addSelect('s.csrf_token', 'csrfToken')
      .addSelect('u.id', 'userId')
      .addSelect('u.user_name', 'userName')
      .addSelect('o.id', 'organizationId')
      .addSelect('o.name', 'organizationName')
      .addSelect('o.slug', 'organizationSlug')
      .addSelect('CASE WHEN s.last_seen_at < :stale THEN 1 ELSE 0 END', 'stale')
      .where('s.id = :id', { id })
      .andWhere('u.active = :active', { active: true })
      .andWhere('s.revoked_at IS NULL')
      .andWhere('s.expires_at > :now', { now })
      .andWhere('s.last_seen_at > :idle', { idle: idleCutoff(now) })
      .setParameter('stale', stale)
      .getRawOne<MemberRow>();
    if (!row) return null;
    if (Number(row.stale) === 1) {
      await this.dataSource
        .createQueryBuilder()
        .update(MemberSessionEntity)
        .set({ lastSeenAt: now })
        .where('id = :id', { id })
        .andWhere('last_seen_at < :stale', { stale })
        .execute();
    }
    return {
      sessionId: row.sessionId,
      csrfToken: row.csrfToken ?? '',
      user: { id: row.userId, userName: row.userName },
      organization: {
        id: row.organizationId,
        name: row.organizationName,
        slug: row.organizationSlug,
      },
    };
  }
}
