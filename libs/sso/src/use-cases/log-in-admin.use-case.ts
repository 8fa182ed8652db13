import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { inTransaction } from '@rollcall/db';
import {
  OrganizationAdminEntity,
  OrganizationEntity,
  verifyPassword,
} from '@rollcall/organizations';
import { dummyPasswordHash } from '../domain/dummy-password.hash';
import {
  LOGIN_THROTTLE,
  lockedUntil,
  normalizeEmail,
  secondsUntil,
  throttleKey,
  type ThrottleScope,
} from '../domain/login-throttle.policy';
import { breakGlassAdminId } from '../domain/sso-policy.rules';
import { SsoError } from '../domain/sso.error';
import { LoginFailureStore } from '../persistence/login-failure.store';
import { SsoPolicyStore } from '../persistence/sso-policy.store';
import { OpenAdminSession, type AdminSignIn } from './open-admin-session.use-case';
import { PurgeExpiredAdminSessions } from './purge-expired-admin-sessions.use-case';

export interface LogInAdminCommand {
  email: string;
  password: string;
  ipAddress: string | null;
  userAgent: string | null;
  /** The session secret the browser already held, if any: it is revoked (rotation). */
  previousSessionSecret: string | null;
}

interface AccountRow {
  adminId: string;
  email: string;
  passwordHash: string;
  organizationId: string;
}

interface ThrottleCounter {
  scope: ThrottleScope;
  key: string;
}

// One message for an unknown e-mail and a wrong password: the answer must not tell which
// e-mails administer an organization.
const INVALID_CREDENTIALS = 'The e-mail or password is incorrect.';

/** E-mail + password sign-in of an org admin to the dashboard; opens a new session. */
@Injectable()
export class LogInAdmin {
  constructor(
    private readonly dataSource: DataSource,
    private readonly loginFailures: LoginFailureStore,
    private readonly purgeExpired: PurgeExpiredAdminSessions,
    private readonly openAdminSession: OpenAdminSession,
    private readonly policies: SsoPolicyStore,
  ) {}

  async execute(command: LogInAdminCommand): Promise<AdminSignIn> {
    await this.purgeExpired.execute();
    const email = normalizeEmail(command.email);
    const counters: ThrottleCounter[] = [{ scope: 'email', key: throttleKey('email', email) }];
    if (command.ipAddress) {
      counters.push({ scope: 'ip', key: throttleKey('ip', command.ipAddress) });
    }
    // Checked before the password, so the right password is refused too while locked:
    // otherwise a lockout would only slow guessing, and tell when a guess was right.
    await this.refuseWhileThrottled(counters);

    const account = await this.findAccount(email);
    // An unknown e-mail costs one scrypt as well, so timing does not tell it apart.
    const passwordMatches = await verifyPassword(
      command.password,
      account?.passwordHash ?? (await dummyPasswordHash()),
    );
    if (!account || !passwordMatches) {
      await this.loginFailures.record(
        counters.map((c) => c.key),
        new Date(),
      );
      throw new SsoError('INVALID_CREDENTIALS', INVALID_CREDENTIALS);
    }
    // After the password check: only someone who knows the password learns the org's rule.
    await this.refuseWhenSsoRequired(account);
    return this.openSession(account, command, counters);
  }

  private async refuseWhenSsoRequired(account: AccountRow): Promise<void> {
    const manager = this.dataSource.manager;
    const policy = await this.policies.read(manager, account.organizationId);
    if (!policy.requireSso) return;
    const admins = await manager.find(OrganizationAdminEntity, {
      select: { id: true, createdAt: true },
      where: { organizationId: account.organizationId },
    });
    if (breakGlassAdminId(admins) === account.adminId) return;
    throw new SsoError(
      'SSO_REQUIRED',
      "Your organization requires single sign-on: sign in with your organization's identity provider instead of a password.",
    );
  }

  private async refuseWhileThrottled(counters: ThrottleCounter[]): Promise<void> {
    const now = new Date();
    let until: Date | null = null;
    for (const { scope, key } of counters) {
      const limit = LOGIN_THROTTLE[scope];
      const locked = lockedUntil(await this.loginFailures.recent(key, limit, now), limit, now);
      if (locked && (!until || locked > until)) until = locked;
    }
    if (until) {
      throw new SsoError(
        'TOO_MANY_ATTEMPTS',
        'Too many failed sign-in attempts. Try again later.',
        secondsUntil(until, now),
      );
    }
  }

  private findAccount(email: string): Promise<AccountRow | undefined> {
    return this.dataSource
      .createQueryBuilder(OrganizationAdminEntity, 'a')
      .innerJoin(OrganizationEntity, 'o', 'o.id = a.organization_id')
      .select('a.id', 'adminId')
      .addSelect('a.email', 'email')
      .addSelect('a.password_hash', 'passwordHash')
      .addSelect('o.id', 'organizationId')
      .where('a.email_normalized = :email', { email })
      .getRawOne<AccountRow>();
  }

  private openSession(
    account: AccountRow,
    command: LogInAdminCommand,
    counters: ThrottleCounter[],
  ): Promise<AdminSignIn> {
    return inTransaction(this.dataSource, async (manager) => {
      // A successful sign-in forgives the e-mail's failures, not the IP's: one good password
      // must not reset a spray across many e-mails.
      await this.loginFailures.clearWithin(
        manager,
        counters.filter((c) => c.scope === 'email').map((c) => c.key),
      );
      return this.openAdminSession.openWithin(manager, {
        adminId: account.adminId,
        ipAddress: command.ipAddress,
        userAgent: command.userAgent,
        previousSessionSecret: command.previousSessionSecret,
      });
    });
  }
}
