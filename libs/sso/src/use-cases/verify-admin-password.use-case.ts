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
import { SsoError } from '../domain/sso.error';
import { LoginAttemptsLimiter } from '../persistence/login-attempts.limiter';

export interface VerifyAdminPasswordCommand {
  email: string;
  password: string;
  ipAddress: string | null;
}

/**
 * An admin's password checked under the sign-in throttle: the password sign-in, and the
 * account changes that ask for the current password, share one counter per (e-mail, address),
 * so neither can be used to guess around the other.
 */
@Injectable()
export class VerifyAdminPassword {
  // Per process: each check holds 128 MiB of scrypt memory and a core for ~0.4 s.
  private readonly passwordChecks = new ConcurrencyLimiter(
    PASSWORD_CHECKS.running,
    PASSWORD_CHECKS.waiting,
  );

  constructor(
    private readonly admins: AdminLookup,
    private readonly attempts: LoginAttemptsLimiter,
  ) {}

  /** The admin when the password is theirs, else null (the failure is counted). */
  async execute(command: VerifyAdminPasswordCommand): Promise<AdminProfile | null> {
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
      return null;
    }
    await this.attempts.succeeded(attempt);
    return account.admin;
  }
}
