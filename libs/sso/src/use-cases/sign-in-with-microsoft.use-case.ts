import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, In, type EntityManager } from 'typeorm';
import { inTransaction, isUniqueViolation } from '@rollcall/db';
import { OrganizationAdminEntity, OrganizationEntity } from '@rollcall/organizations';
import { sessionExpiresAt } from '../domain/admin-session.policy';
import type { MemberSignIn } from '../domain/authenticated-member';
import { normalizeEmail } from '../domain/login-throttle.policy';
import { generateSessionSecret } from '../domain/session.secret';
import { SsoError } from '../domain/sso.error';
import type { EntraIdentity } from '../entra/entra.client';
import { EntraRoundTrip, type EntraCallback } from '../entra/entra-round-trip';
import { EntraConnectionEntity } from '../persistence/entra-connection.entity';
import { MemberSessionEntity } from '../persistence/member-session.entity';
import { UserIdentityEntity } from '../persistence/user-identity.entity';
import { OpenAdminSession, type AdminSignIn } from './open-admin-session.use-case';

export interface SignInWithMicrosoftCommand extends EntraCallback {
  ipAddress: string | null;
  userAgent: string | null;
  previousSessionSecret: string | null;
}

export type MicrosoftSignIn =
  { kind: 'admin'; session: AdminSignIn } | { kind: 'member'; session: MemberSignIn };

interface UserRow {
  id: string;
  userName: string;
  active: boolean | number;
  matchedBy: 'oid' | 'user_name' | 'email';
}

/**
 * The callback of "Sign in with Microsoft": the org is the one that connected the token's
 * tenant; the person is an org admin with that e-mail (a dashboard session), else a SCIM user
 * linked by `oid`, or matched once by userName / work e-mail and then linked by `oid`.
 */
@Injectable()
export class SignInWithMicrosoft {
  constructor(
    private readonly dataSource: DataSource,
    private readonly roundTrip: EntraRoundTrip,
    private readonly openAdminSession: OpenAdminSession,
  ) {}

  async execute(command: SignInWithMicrosoftCommand): Promise<MicrosoftSignIn> {
    const { identity } = await this.roundTrip.finish('sign_in', command);
    const connection = await this.dataSource
      .getRepository(EntraConnectionEntity)
      .findOneBy({ tenantId: identity.tenantId });
    if (!connection) {
      throw new SsoError(
        'SSO_TENANT_NOT_CONNECTED',
        'Your Microsoft organization is not connected to Rollcall.',
      );
    }
    const organizationId = connection.organizationId;
    const usernames = [...new Set(identity.usernames.map(normalizeEmail))];

    const admin = usernames.length
      ? await this.dataSource.getRepository(OrganizationAdminEntity).findOneBy({
          organizationId,
          emailNormalized: In(usernames),
        })
      : null;
    if (admin) {
      const session = await this.openAdminSession.execute({
        adminId: admin.id,
        ipAddress: command.ipAddress,
        userAgent: command.userAgent,
        previousSessionSecret: command.previousSessionSecret,
      });
      return { kind: 'admin', session };
    }
    return {
      kind: 'member',
      session: await this.signInMember(organizationId, identity, usernames),
    };
  }

  private async signInMember(
    organizationId: string,
    identity: EntraIdentity,
    usernames: string[],
  ): Promise<MemberSignIn> {
    try {
      return await this.openMemberSession(organizationId, identity, usernames);
    } catch (error) {
      // Two first sign-ins of one account at once: the other one stored the link; use it.
      if (isUniqueViolation(error)) {
        return this.openMemberSession(organizationId, identity, usernames);
      }
      throw error;
    }
  }

  private openMemberSession(
    organizationId: string,
    identity: EntraIdentity,
    usernames: string[],
  ): Promise<MemberSignIn> {
    return inTransaction(this.dataSource, async (manager) => {
      const user =
        (await this.linkedUser(manager, organizationId, identity)) ??
        (await this.matchedUser(manager, organizationId, usernames));
      if (!user) {
        throw new SsoError(
          'SSO_ACCOUNT_NOT_PROVISIONED',
          'Your Microsoft account has no Rollcall access. Ask your administrator to assign you the app.',
        );
      }
      if (!toBoolean(user.active)) {
        throw new SsoError(
          'SSO_ACCOUNT_DEACTIVATED',
          'Your Rollcall account is deactivated. Ask your administrator.',
        );
      }
      const now = new Date();
      if (user.matchedBy !== 'oid' && !(await this.hasLink(manager, identity))) {
        await manager.insert(UserIdentityEntity, {
          id: randomUUID(),
          userId: user.id,
          organizationId,
          provider: 'microsoft',
          issuerTenant: identity.tenantId,
          subject: identity.objectId,
          createdAt: now,
        });
      }
      const { secret, id } = generateSessionSecret();
      const expiresAt = sessionExpiresAt(now);
      await manager.insert(MemberSessionEntity, {
        id,
        userId: user.id,
        organizationId,
        createdAt: now,
        lastSeenAt: now,
        expiresAt,
        revokedAt: null,
      });
      const organization = await manager.findOneByOrFail(OrganizationEntity, {
        id: organizationId,
      });
      return {
        sessionSecret: secret,
        sessionId: id,
        expiresAt,
        user: { id: user.id, userName: user.userName },
        organization: { id: organization.id, name: organization.name, slug: organization.slug },
      };
    });
  }

  private async hasLink(manager: EntityManager, identity: EntraIdentity): Promise<boolean> {
    return manager.existsBy(UserIdentityEntity, {
      provider: 'microsoft',
      issuerTenant: identity.tenantId,
      subject: identity.objectId,
    });
  }

  /** The user this `oid` was linked to, whatever their userName has become since. */
  private async linkedUser(
    manager: EntityManager,
    organizationId: string,
    identity: EntraIdentity,
  ): Promise<UserRow | null> {
    const row = await manager
      .createQueryBuilder(UserIdentityEntity, 'i')
      .innerJoin('users', 'u', 'u.id = i.user_id')
      .select('u.id', 'id')
      .addSelect('u.user_name', 'userName')
      .addSelect('u.active', 'active')
      .where('i.provider = :provider', { provider: 'microsoft' })
      .andWhere('i.issuer_tenant = :tenant', { tenant: identity.tenantId })
      .andWhere('i.subject = :subject', { subject: identity.objectId })
      .andWhere('u.organization_id = :organizationId', { organizationId })
      .getRawOne<Omit<UserRow, 'matchedBy'>>();
    return row ? { ...row, matchedBy: 'oid' } : null;
  }

  /**
   * First sign-in: preferred_username / email / upn against userName, then the work e-mail,
   * case-insensitively (both columns are stored lower-cased and indexed). A user already
   * linked to another Microsoft account is not taken over.
   */
  private async matchedUser(
    manager: EntityManager,
    organizationId: string,
    usernames: string[],
  ): Promise<UserRow | null> {
    if (!usernames.length) return null;
    const rows = await manager
      .createQueryBuilder()
      .from('users', 'u')
      .select('u.id', 'id')
      .addSelect('u.user_name', 'userName')
      .addSelect('u.active', 'active')
      .addSelect(
        "CASE WHEN u.user_name_normalized IN (:...names) THEN 'user_name' ELSE 'email' END",
        'matchedBy',
      )
      .where('u.organization_id = :organizationId', { organizationId })
      .andWhere('(u.user_name_normalized IN (:...names) OR u.email_normalized IN (:...names))', {
        names: usernames,
      })
      .andWhere(
        'NOT EXISTS (SELECT 1 FROM user_identities i WHERE i.user_id = u.id AND i.provider = :provider)',
        { provider: 'microsoft' },
      )
      .orderBy('u.created_at', 'ASC')
      .getRawMany<UserRow>();
    return rows.find((r) => r.matchedBy === 'user_name') ?? rows[0] ?? null;
  }
}

function toBoolean(value: boolean | number | string): boolean {
  return value === true || value === 1 || value === '1' || value === 'true';
}
