import { Injectable } from '@nestjs/common';
import {
  AdminLookup,
  verifyPassword,
  type AdminCredentials,
  type AdminProfile,
} from '@rollcall/organizations';
import { ConcurrencyLimitError, ConcurrencyLimiter } from '@rollcall/rate-limit';
import { dummyPasswordHash } from '../domain/dummy-password.hash';
import { PASSWORD_CHECKS, normalizeEmail } from '../domain/login-throttle.policy';
import { breakGlassAdminId } from '../domain/sso-policy.rules';
import { SsoError } from '../domain/sso.error';
import { LoginAttemptsLimiter } from '../persistence/login-attempts.limiter';
import { GetSsoPolicy } from './get-sso-policy.use-case';
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

// One message for an unknown e-mail and a wrong password: the answer must not tell which
// e-mails administer an organization.
const INVALID_CREDENTIALS = 'The e-mail or password is incorrect.';

/** E-mail + password sign-in of an org admin to the dashboard; opens a new session. */
@Injectable()
export class LogInAdmin {
  // Per process: each check holds 128 MiB of scrypt memory and a core for ~0.4 s.
  private readonly passwordChecks = new ConcurrencyLimiter(
    PASSWORD_CHECKS.running,
    PASSWORD_CHECKS.waiting,
  );

  constructor(
    private readonly admins: AdminLookup,
    private readonly attempts: LoginAttemptsLimiter,
    private readonly purgeExpired: PurgeExpiredAdminSessions,
    private readonly openAdminSession: OpenAdminSession,
    private readonly getPolicy: GetSsoPolicy,
  ) {}

  async execute(command: LogInAdminCommand): Promise<AdminSignIn> {
    await this.purgeExpired.execute();
    const email = normalizeEmail(command.email);
    // Reserved before the password is checked, so the right password is refused too while
    // locked (otherwise a lockout would only slow guessing, and tell when a guess was right),
    // and a parallel burst is cut at the cap instead of all being checked.
    const attempt = await this.attempts.reserve(email, command.ipAddress ?? 'unknown');

    let account: AdminCredentials | null;
    let passwordMatches: boolean;
    try {
      account = await this.admins.credentialsByEmail(email);
      // An unknown e-mail costs one scrypt as well, so timing does not tell it apart.
      passwordMatches = await this.passwordChecks.run(async () =>
        verifyPassword(command.password, account?.passwordHash ?? (await dummyPasswordHash())),
      );
    } catch (error) {
      // Never checked (the database is unavailable, or too many checks are queued): the
      // attempt does not count against anyone.
      await this.attempts.release(attempt);
      if (!(error instanceof ConcurrencyLimitError)) throw error;
      throw new SsoError(
        'TOO_MANY_ATTEMPTS',
        'Too many sign-ins are being checked right now. Try again in a moment.',
        1,
      );
    }
    if (!account || !passwordMatches) {
      await this.attempts.failed(attempt);
      throw new SsoError('INVALID_CREDENTIALS', INVALID_CREDENTIALS);
    }
    await this.attempts.succeeded(attempt);
    // After the password check: only someone who knows the password learns the org's rule.
    await this.refuseWhenSsoRequired(account.admin);
    return this.openAdminSession.execute({
      adminId: account.admin.id,
      ipAddress: command.ipAddress,
      userAgent: command.userAgent,
      previousSessionSecret: command.previousSessionSecret,
    });
  }

  private async refuseWhenSsoRequired(admin: AdminProfile): Promise<void> {
    const policy = await this.getPolicy.execute(admin.organizationId);
    if (!policy.requireSso) return;
    const admins = await this.admins.listOf(admin.organizationId);
    if (breakGlassAdminId(admins) === admin.id) return;
    throw new SsoError(
      'SSO_REQUIRED',
      "Your organization requires single sign-on: sign in with your organization's identity provider instead of a password.",
    );
  }
}
