import { Injectable } from '@nestjs/common';
import { Transactions } from '@rollcall/db';
import { AdminLookup, type AdminProfile } from '@rollcall/organizations';
import {
  SIGN_IN_CHALLENGE_LIFETIME_MS,
  generateChallenge,
  type SignInChallengePurpose,
} from '../domain/sign-in-challenge';
import { breakGlassAdminId } from '../domain/sso-policy.rules';
import { SsoError } from '../domain/sso.error';
import { SignInChallengeStore } from '../persistence/sign-in-challenge.store';
import { TwoFactorStore } from '../persistence/two-factor.store';
import { GetSsoPolicy } from './get-sso-policy.use-case';
import { OpenAdminSession, type AdminSignIn } from './open-admin-session.use-case';
import { PurgeExpiredAdminSessions } from './purge-expired-admin-sessions.use-case';
import { VerifyAdminPassword } from './verify-admin-password.use-case';

export interface LogInAdminCommand {
  email: string;
  password: string;
  ipAddress: string | null;
  userAgent: string | null;
  /** The session secret the browser already held, if any: it is revoked (rotation). */
  previousSessionSecret: string | null;
}

/**
 * What a right password leads to: a session, or (two-factor) a challenge for the second step —
 * a code when the admin has TOTP on, enrolment when the org requires it and they have none.
 */
export type PasswordSignIn =
  | { outcome: 'signed_in'; signIn: AdminSignIn }
  | { outcome: 'two_factor_required'; challenge: string }
  | { outcome: 'two_factor_setup_required'; challenge: string };

// One message for an unknown e-mail and a wrong password: the answer must not tell which
// e-mails administer an organization.
const INVALID_CREDENTIALS = 'The e-mail or password is incorrect.';

/** E-mail + password sign-in of an org admin to the dashboard. */
@Injectable()
export class LogInAdmin {
  constructor(
    private readonly admins: AdminLookup,
    private readonly verifyPassword: VerifyAdminPassword,
    private readonly purgeExpired: PurgeExpiredAdminSessions,
    private readonly openAdminSession: OpenAdminSession,
    private readonly getPolicy: GetSsoPolicy,
    private readonly transactions: Transactions,
    private readonly twoFactor: TwoFactorStore,
    private readonly challenges: SignInChallengeStore,
  ) {}

  async execute(command: LogInAdminCommand): Promise<PasswordSignIn> {
    await this.purgeExpired.execute();
    const admin = await this.verifyPassword.execute(command);
    if (!admin) throw new SsoError('INVALID_CREDENTIALS', INVALID_CREDENTIALS);
    // After the password check: only someone who knows the password learns the org's rule.
    const policy = await this.getPolicy.execute(admin.organizationId);
    if (policy.requireSso) await this.refuseUnlessBreakGlass(admin);

    const stored = await this.twoFactor.find(admin.id);
    if (stored?.enabledAt) {
      return { outcome: 'two_factor_required', challenge: await this.issue(admin.id, 'verify') };
    }
    if (policy.requireTwoFactor) {
      return {
        outcome: 'two_factor_setup_required',
        challenge: await this.issue(admin.id, 'enrol'),
      };
    }
    const signIn = await this.openAdminSession.execute({
      adminId: admin.id,
      ipAddress: command.ipAddress,
      userAgent: command.userAgent,
      previousSessionSecret: command.previousSessionSecret,
    });
    return { outcome: 'signed_in', signIn };
  }

  private async issue(adminId: string, purpose: SignInChallengePurpose): Promise<string> {
    const now = new Date();
    const { challenge, id } = generateChallenge();
    await this.transactions.run(async (tx) => {
      await this.challenges.purgeExpired(tx, now);
      await this.challenges.issue(
        tx,
        {
          id,
          adminId,
          purpose,
          expiresAt: new Date(now.getTime() + SIGN_IN_CHALLENGE_LIFETIME_MS),
        },
        now,
      );
    });
    return challenge;
  }

  private async refuseUnlessBreakGlass(admin: AdminProfile): Promise<void> {
    const admins = await this.admins.listOf(admin.organizationId);
    if (breakGlassAdminId(admins) === admin.id) return;
    throw new SsoError(
      'SSO_REQUIRED',
      "Your organization requires single sign-on: sign in with your organization's identity provider instead of a password.",
    );
  }
}
