import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { inTransaction, isUniqueViolation } from '@rollcall/db';
import { DirectoryError, ProvisionUser } from '@rollcall/directory';
import { OrganizationEntity } from '@rollcall/organizations';
import { sessionExpiresAt } from '../domain/admin-session.policy';
import type { MemberSignIn } from '../domain/authenticated-member';
import type { FederatedIdentity } from '../domain/federated-identity';
import { isJitDomain } from '../domain/jit-domains';
import { generateCsrfToken, generateSessionSecret } from '../domain/session.secret';
import { SsoError, SsoIdentityConflict } from '../domain/sso.error';
import { AdminIdentityStore } from '../persistence/admin-identity.store';
import { MemberSessionEntity } from '../persistence/member-session.entity';
import { UserIdentityEntity } from '../persistence/user-identity.entity';
import { GetSsoPolicy, type SsoPolicy } from './get-sso-policy.use-case';
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
  matchedBy: 'link' | 'user_name' | 'external_id' | 'email';
  /** Already linked to another account of this provider and issuer. */
  linkedElsewhere?: boolean | number | string;
}

const NOT_PROVISIONED =
  'Your account has no Rollcall access. Ask your administrator to assign you the app.';

/** Best match first: Entra's default mapping sends the UPN as userName. */
const MATCH_RANK: Record<UserRow['matchedBy'], number> = {
  link: 0,
  user_name: 1,
  external_id: 2,
  email: 3,
};

/**
 * Who a provider's identity is in the organization, the same for Microsoft and any OIDC
 * provider. Only an explicit link opens a dashboard session: an admin who linked exactly this
 * (provider, issuer, subject). Otherwise a member session for the user linked to it, or for a
 * user matched once on what the provider vouches for (see FederatedIdentity) and then linked;
 * else, for a verified address in one of the org's JIT domains, a user created just in time.
 * An address that belongs to someone already linked to another account is refused
 * (SsoIdentityConflict), never used to take the account over.
 */
@Injectable()
export class SignInFederatedIdentity {
  constructor(
    private readonly dataSource: DataSource,
    private readonly openAdminSession: OpenAdminSession,
    private readonly getPolicy: GetSsoPolicy,
    private readonly provisionUser: ProvisionUser,
    private readonly adminIdentities: AdminIdentityStore,
  ) {}

  async execute(command: SignInFederatedIdentityCommand): Promise<SsoSignIn> {
    const { organizationId, identity } = command;
    if (!identity.subject) throw new SsoError('SSO_TOKEN_INVALID', 'The ID token has no subject.');
    const adminId = await this.adminIdentities.adminOf(
      this.dataSource.manager,
      organizationId,
      identity,
    );
    if (adminId) {
      const session = await this.openAdminSession.execute({
        adminId,
        ipAddress: command.ipAddress,
        userAgent: command.userAgent,
        previousSessionSecret: command.previousSessionSecret,
      });
      return { kind: 'admin', session };
    }
    const policy = await this.getPolicy.execute(organizationId);
    const existing = await this.signInMember(organizationId, identity, policy);
    if (existing) return { kind: 'member', session: existing };
    await this.refuseLinkedAdminAddress(organizationId, identity);
    const userName = identity.verifiedEmail;
    if (!policy.jitEffective || !userName || !isJitDomain(userName, policy.jitDomains)) {
      throw new SsoError('SSO_ACCOUNT_NOT_PROVISIONED', NOT_PROVISIONED);
    }
    await this.createJustInTime(organizationId, identity, userName);
    const created = await this.signInMember(organizationId, identity, policy);
    if (!created) throw new SsoError('SSO_ACCOUNT_NOT_PROVISIONED', NOT_PROVISIONED);
    return { kind: 'member', session: created };
  }

  private async signInMember(
    organizationId: string,
    identity: FederatedIdentity,
    policy: SsoPolicy,
  ): Promise<MemberSignIn | null> {
    try {
      return await this.openMemberSession(organizationId, identity, policy);
    } catch (error) {
      // Two first sign-ins of one account at once: the other one stored the link; use it.
      if (isUniqueViolation(error)) {
        return this.openMemberSession(organizationId, identity, policy);
      }
      throw error;
    }
  }

  /**
   * An admin's address arriving from an account other than the one the admin linked for this
   * provider is an attempt on the admin, not a stranger: refused and shown to the org.
   */
  private async refuseLinkedAdminAddress(
    organizationId: string,
    identity: FederatedIdentity,
  ): Promise<void> {
    const addresses = vouchedAddresses(identity);
    if (!addresses.length) return;
    const admin = await this.dataSource
      .createQueryBuilder()
      .from('organization_admins', 'a')
      .select('a.id', 'id')
      .where('a.organization_id = :organizationId', { organizationId })
      .andWhere('a.email_normalized IN (:...addresses)', { addresses })
      .getRawOne<{ id: string }>();
    if (
      admin &&
      (await this.adminIdentities.isLinked(
        this.dataSource.manager,
        admin.id,
        identity.provider,
        identity.issuer,
      ))
    ) {
      throw conflict(organizationId, identity, null);
    }
  }

  /**
   * A user named by the provider's verified e-mail, active, with the token's name and e-mail.
   * It is created outside the session transaction (ProvisionUser has its own); the sign-in
   * then finds it by userName and links it like any first sign-in.
   */
  private async createJustInTime(
    organizationId: string,
    identity: FederatedIdentity,
    userName: string,
  ): Promise<void> {
    try {
      await this.provisionUser.execute(
        organizationId,
        {
          userName,
          active: true,
          ...(identity.displayName ? { displayName: identity.displayName } : {}),
          emails: [{ type: 'work', value: userName, primary: true }],
        },
        `sso:${identity.provider}`,
        'sso',
      );
    } catch (error) {
      // Created by a concurrent sign-in or provisioning since the match: not ours to take.
      if (error instanceof DirectoryError && error.code === 'USER_NAME_TAKEN') {
        throw new SsoError('SSO_ACCOUNT_NOT_PROVISIONED', NOT_PROVISIONED);
      }
      throw error;
    }
  }

  private openMemberSession(
    organizationId: string,
    identity: FederatedIdentity,
    policy: SsoPolicy,
  ): Promise<MemberSignIn | null> {
    return inTransaction(this.dataSource, async (manager) => {
      const user =
        (await this.linkedUser(manager, organizationId, identity)) ??
        (await this.matchedUser(manager, organizationId, identity, policy));
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
   * First sign-in: only what the provider vouches for, case-insensitively on the stored
   * lower-cased, indexed columns. Microsoft's UPN against userName; a verified e-mail against
   * userName and the work e-mail; `oid` against externalId where the org says it holds the
   * objectId. The best match decides: if that user is already linked to another account of
   * this provider, the attempt is refused rather than moved to a weaker match.
   */
  private async matchedUser(
    manager: EntityManager,
    organizationId: string,
    identity: FederatedIdentity,
    policy: SsoPolicy,
  ): Promise<UserRow | null> {
    const userNames = normalized([identity.userPrincipalName, identity.verifiedEmail]);
    const emails = normalized([identity.verifiedEmail]);
    const objectIds =
      policy.externalIdIsObjectId && identity.objectId
        ? [...new Set([identity.objectId, identity.objectId.toLowerCase()])]
        : [];
    // Only the keys the identity has: an empty IN list is not valid SQL, and a placeholder
    // value could match a user whose column holds it.
    const conditions: { sql: string; matchedBy: UserRow['matchedBy'] }[] = [];
    if (userNames.length) {
      conditions.push({ sql: 'u.user_name_normalized IN (:...userNames)', matchedBy: 'user_name' });
    }
    if (objectIds.length) {
      conditions.push({ sql: 'u.external_id IN (:...objectIds)', matchedBy: 'external_id' });
    }
    if (emails.length) {
      conditions.push({ sql: 'u.email_normalized IN (:...emails)', matchedBy: 'email' });
    }
    if (!conditions.length) return null;
    const rows = await manager
      .createQueryBuilder()
      .from('users', 'u')
      .select('u.id', 'id')
      .addSelect('u.user_name', 'userName')
      .addSelect('u.active', 'active')
      .addSelect(
        `CASE ${conditions.map((c) => `WHEN ${c.sql} THEN '${c.matchedBy}'`).join(' ')} END`,
        'matchedBy',
      )
      .addSelect(
        'CASE WHEN EXISTS (SELECT 1 FROM user_identities i WHERE i.user_id = u.id AND i.provider = :provider AND i.issuer_tenant = :issuer) THEN 1 ELSE 0 END',
        'linkedElsewhere',
      )
      .where('u.organization_id = :organizationId', { organizationId })
      .andWhere(`(${conditions.map((c) => c.sql).join(' OR ')})`)
      .setParameters({
        userNames,
        objectIds,
        emails,
        provider: identity.provider,
        issuer: identity.issuer,
      })
      .orderBy('u.created_at', 'ASC')
      .getRawMany<UserRow>();
    const best = rows
      .map((row, index) => ({ row, index }))
      .sort(
        (a, b) => MATCH_RANK[a.row.matchedBy] - MATCH_RANK[b.row.matchedBy] || a.index - b.index,
      )
      .at(0)?.row;
    if (!best) return null;
    if (toBoolean(best.linkedElsewhere ?? false)) {
      throw conflict(organizationId, identity, best.id);
    }
    return best;
  }
}

function conflict(
  organizationId: string,
  identity: FederatedIdentity,
  userId: string | null,
): SsoIdentityConflict {
  return new SsoIdentityConflict({
    organizationId,
    provider: identity.provider,
    issuer: identity.issuer,
    subject: identity.subject,
    claimed: vouchedAddresses(identity)[0] ?? identity.objectId ?? identity.label,
    userId,
  });
}

function vouchedAddresses(identity: FederatedIdentity): string[] {
  return normalized([identity.userPrincipalName, identity.verifiedEmail]);
}

function normalized(values: (string | null)[]): string[] {
  return [
    ...new Set(
      values.filter((v): v is string => v !== null && v !== '').map((v) => v.toLowerCase()),
    ),
  ];
}

function toBoolean(value: boolean | number | string): boolean {
  return value === true || value === 1 || value === '1' || value === 'true';
}
