import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, In, type EntityManager } from 'typeorm';
import { inTransaction, isUniqueViolation } from '@rollcall/db';
import { DirectoryError, ProvisionUser } from '@rollcall/directory';
import { OrganizationAdminEntity, OrganizationEntity } from '@rollcall/organizations';
import { sessionExpiresAt } from '../domain/admin-session.policy';
import type { MemberSignIn } from '../domain/authenticated-member';
import type { FederatedIdentity } from '../domain/federated-identity';
import { normalizeEmail } from '../domain/login-throttle.policy';
import { generateCsrfToken, generateSessionSecret } from '../domain/session.secret';
import { SsoError } from '../domain/sso.error';
import { MemberSessionEntity } from '../persistence/member-session.entity';
import { UserIdentityEntity } from '../persistence/user-identity.entity';
import { GetSsoPolicy } from './get-sso-policy.use-case';
import { OpenAdminSession, type AdminSignIn } from './open-admin-session.use-case';

export interface SignInFederatedIdentityCommand {
  organizationId: string;
  identity: FederatedIdentity;
  ipAddress: string | null;
  userAgent: string | null;
  previousSessionSecret: string | null;
}

export type SsoSignIn =
  { kind: 'admin'; session: AdminSignIn } | { kind: 'member'; session: MemberSignIn };

interface UserRow {
  id: string;
  userName: string;
  active: boolean | number;
  matchedBy: 'link' | 'user_name' | 'email';
}

const NOT_PROVISIONED =
  'Your account has no Rollcall access. Ask your administrator to assign you the app.';

/**
 * Who a provider's identity is in the organization, the same for Microsoft and any OIDC
 * provider: an org admin with that e-mail (a dashboard session), else a user linked by
 * (provider, issuer, subject), else a user matched once by userName / work e-mail and then
 * linked, else, when just-in-time creation applies, a new user; then a member session.
 */
@Injectable()
export class SignInFederatedIdentity {
  constructor(
    private readonly dataSource: DataSource,
    private readonly openAdminSession: OpenAdminSession,
    private readonly getPolicy: GetSsoPolicy,
    private readonly provisionUser: ProvisionUser,
  ) {}

  async execute(command: SignInFederatedIdentityCommand): Promise<SsoSignIn> {
    const { organizationId, identity } = command;
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
    const existing = await this.signInMember(organizationId, identity, usernames);
    if (existing) return { kind: 'member', session: existing };
    if (!(await this.getPolicy.execute(organizationId)).jitEffective) {
      throw new SsoError('SSO_ACCOUNT_NOT_PROVISIONED', NOT_PROVISIONED);
    }
    await this.createJustInTime(organizationId, identity);
    const created = await this.signInMember(organizationId, identity, usernames);
    if (!created) throw new SsoError('SSO_ACCOUNT_NOT_PROVISIONED', NOT_PROVISIONED);
    return { kind: 'member', session: created };
  }

  private async signInMember(
    organizationId: string,
    identity: FederatedIdentity,
    usernames: string[],
  ): Promise<MemberSignIn | null> {
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

  /**
   * A user named by the provider's verified e-mail or preferred_username, active, with the
   * token's name and e-mail. It is created outside the session transaction (ProvisionUser has
   * its own); the sign-in then finds it by userName and links it like any first sign-in.
   */
  private async createJustInTime(
    organizationId: string,
    identity: FederatedIdentity,
  ): Promise<void> {
    const userName = identity.usernames[0];
    if (!userName) throw new SsoError('SSO_ACCOUNT_NOT_PROVISIONED', NOT_PROVISIONED);
    try {
      await this.provisionUser.execute(
        organizationId,
        {
          userName,
          active: true,
          ...(identity.displayName ? { displayName: identity.displayName } : {}),
          ...(identity.email
            ? { emails: [{ type: 'work', value: identity.email, primary: true }] }
            : {}),
        },
        'sso',
      );
    } catch (error) {
      // The userName exists but was not matched: it is linked to another account.
      if (error instanceof DirectoryError && error.code === 'USER_NAME_TAKEN') {
        throw new SsoError('SSO_ACCOUNT_NOT_PROVISIONED', NOT_PROVISIONED);
      }
      throw error;
    }
  }

  private openMemberSession(
    organizationId: string,
    identity: FederatedIdentity,
    usernames: string[],
  ): Promise<MemberSignIn | null> {
    return inTransaction(this.dataSource, async (manager) => {
      const user =
        (await this.linkedUser(manager, organizationId, identity)) ??
        (await this.matchedUser(manager, organizationId, identity, usernames));
      if (!user) return null;
      if (!toBoolean(user.active)) {
        throw new SsoError(
          'SSO_ACCOUNT_DEACTIVATED',
          'Your Rollcall account is deactivated. Ask your administrator.',
        );
      }
      const now = new Date();
      if (user.matchedBy !== 'link') {
        await manager.insert(UserIdentityEntity, {
          id: randomUUID(),
          userId: user.id,
          organizationId,
          provider: identity.provider,
          issuerTenant: identity.issuer,
          subject: identity.subject,
          createdAt: now,
        });
      }
      const { secret, id } = generateSessionSecret();
      const csrfToken = generateCsrfToken();
      const expiresAt = sessionExpiresAt(now);
      await manager.insert(MemberSessionEntity, {
        id,
        userId: user.id,
        organizationId,
        csrfToken,
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
        csrfToken,
        expiresAt,
        user: { id: user.id, userName: user.userName },
        organization: { id: organization.id, name: organization.name, slug: organization.slug },
      };
    });
  }

  /** The user this account was linked to, whatever their userName has become since. */
  private async linkedUser(
    manager: EntityManager,
    organizationId: string,
    identity: FederatedIdentity,
  ): Promise<UserRow | null> {
    const row = await manager
      .createQueryBuilder(UserIdentityEntity, 'i')
      .innerJoin('users', 'u', 'u.id = i.user_id')
      .select('u.id', 'id')
      .addSelect('u.user_name', 'userName')
      .addSelect('u.active', 'active')
      .where('i.provider = :provider', { provider: identity.provider })
      .andWhere('i.issuer_tenant = :issuer', { issuer: identity.issuer })
      .andWhere('i.subject = :subject', { subject: identity.subject })
      .andWhere('u.organization_id = :organizationId', { organizationId })
      .getRawOne<Omit<UserRow, 'matchedBy'>>();
    return row ? { ...row, matchedBy: 'link' } : null;
  }

  /**
   * First sign-in: the usernames against userName, then the work e-mail, case-insensitively
   * (both columns are stored lower-cased and indexed). A user already linked to another
   * account of the same provider is not taken over.
   */
  private async matchedUser(
    manager: EntityManager,
    organizationId: string,
    identity: FederatedIdentity,
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
        'NOT EXISTS (SELECT 1 FROM user_identities i WHERE i.user_id = u.id AND i.provider = :provider AND i.issuer_tenant = :issuer)',
        { provider: identity.provider, issuer: identity.issuer },
      )
      .orderBy('u.created_at', 'ASC')
      .getRawMany<UserRow>();
    return rows.find((r) => r.matchedBy === 'user_name') ?? rows[0] ?? null;
  }
}

function toBoolean(value: boolean | number | string): boolean {
  return value === true || value === 1 || value === '1' || value === 'true';
}
