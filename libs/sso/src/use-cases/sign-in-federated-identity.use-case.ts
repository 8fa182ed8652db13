import { Injectable } from '@nestjs/common';
import { Transactions, isUniqueViolation, type Tx } from '@rollcall/db';
import { DirectoryError, ProvisionUser, UserLookup, type UserSummary } from '@rollcall/directory';
import { AdminLookup, OrganizationLookup } from '@rollcall/organizations';
import { sessionExpiresAt } from '../domain/admin-session.policy';
import type { MemberSignIn } from '../domain/authenticated-member';
import type { FederatedIdentity } from '../domain/federated-identity';
import { isJitDomain } from '../domain/jit-domains';
import { generateCsrfToken, generateSessionSecret } from '../domain/session.secret';
import {
  bestMatch,
  firstSignInKeys,
  vouchedAddresses,
  type FirstSignInMatch,
} from '../domain/sign-in-match';
import { SsoError, SsoIdentityConflict } from '../domain/sso.error';
import { AdminIdentityStore } from '../persistence/admin-identity.store';
import { MemberSessionStore } from '../persistence/member-session.store';
import { UserIdentityStore } from '../persistence/user-identity.store';
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

interface MatchedUser extends UserSummary {
  matchedBy: 'link' | FirstSignInMatch;
}

const NOT_PROVISIONED =
  'Your account has no Rollcall access. Ask your administrator to assign you the app.';

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
    private readonly transactions: Transactions,
    private readonly openAdminSession: OpenAdminSession,
    private readonly getPolicy: GetSsoPolicy,
    private readonly provisionUser: ProvisionUser,
    private readonly users: UserLookup,
    private readonly organizations: OrganizationLookup,
    private readonly admins: AdminLookup,
    private readonly userIdentities: UserIdentityStore,
    private readonly adminIdentities: AdminIdentityStore,
    private readonly memberSessions: MemberSessionStore,
  ) {}

  async execute(command: SignInFederatedIdentityCommand): Promise<SsoSignIn> {
    const { organizationId, identity } = command;
    if (!identity.subject) throw new SsoError('SSO_TOKEN_INVALID', 'The ID token has no subject.');
    const adminId = await this.adminIdentities.adminOf(undefined, organizationId, identity);
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
    const [admin] = await this.admins.findByEmails(organizationId, addresses);
    if (
      admin &&
      (await this.adminIdentities.isLinked(undefined, admin.id, identity.provider, identity.issuer))
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
    return this.transactions.run(async (tx) => {
      const user =
        (await this.linkedUser(tx, organizationId, identity)) ??
        (await this.matchedUser(tx, organizationId, identity, policy));
      if (!user) return null;
      if (!user.active) {
        throw new SsoError(
          'SSO_ACCOUNT_DEACTIVATED',
          'Your Rollcall account is deactivated. Ask your administrator.',
        );
      }
      const now = new Date();
      if (user.matchedBy !== 'link') {
        await this.userIdentities.link(tx, { userId: user.id, organizationId, identity, at: now });
      }
      const { secret, id } = generateSessionSecret();
      const csrfToken = generateCsrfToken();
      const expiresAt = sessionExpiresAt(now);
      await this.memberSessions.open(tx, {
        id,
        userId: user.id,
        organizationId,
        csrfToken,
        createdAt: now,
        expiresAt,
      });
      const organization = await this.organizations.find(organizationId, tx);
      if (!organization) throw new Error(`Organization ${organizationId} does not exist.`);
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
    tx: Tx,
    organizationId: string,
    identity: FederatedIdentity,
  ): Promise<MatchedUser | null> {
    const userId = await this.userIdentities.linkedUserId(organizationId, identity, tx);
    if (!userId) return null;
    const user = (await this.users.summaries(organizationId, [userId], tx)).get(userId);
    return user ? { ...user, matchedBy: 'link' } : null;
  }

  /**
   * First sign-in: only what the provider vouches for (see firstSignInKeys), case-insensitively
   * on the stored lower-cased, indexed columns. The best match decides: if that user is already
   * linked to another account of this provider, the attempt is refused rather than moved to a
   * weaker match.
   */
  private async matchedUser(
    tx: Tx,
    organizationId: string,
    identity: FederatedIdentity,
    policy: SsoPolicy,
  ): Promise<MatchedUser | null> {
    const candidates = await this.users.signInCandidates(
      organizationId,
      firstSignInKeys(identity, policy.externalIdIsObjectId),
      tx,
    );
    const best = bestMatch(candidates);
    if (!best) return null;
    const linked = await this.userIdentities.linkedAmong(
      candidates.map((user) => user.id),
      identity,
      tx,
    );
    if (linked.has(best.id)) throw conflict(organizationId, identity, best.id);
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
