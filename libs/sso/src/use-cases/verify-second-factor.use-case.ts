import { Injectable } from '@nestjs/common';
import { SecretBox } from '@rollcall/crypto';
import { Transactions } from '@rollcall/db';
import { normalizeEmail } from '../domain/login-throttle.policy';
import { recoveryCodeHash } from '../domain/recovery-codes';
import { SsoError } from '../domain/sso.error';
import { acceptedTotpStep } from '../domain/totp';
import { LoginAttemptsLimiter } from '../persistence/login-attempts.limiter';
import { TwoFactorStore } from '../persistence/two-factor.store';

/** A code from the authenticator app, or one of the recovery codes. */
export type SecondFactor = { code: string } | { recoveryCode: string };

export interface VerifySecondFactorCommand {
  adminId: string;
  email: string;
  factor: SecondFactor;
  ipAddress: string | null;
}

export const TWO_FACTOR_CODE_INVALID_MESSAGE =
  'The code is incorrect or was already used. Enter the current code from your authenticator app.';

/** The secret is sealed with the admin's id as context: a row copied to another admin won't open. */
export function twoFactorSecretContext(adminId: string): string {
  return `admin-two-factor:${adminId}`;
}

/**
 * Checks and spends an enabled admin's second factor. Wrong codes count against the password
 * sign-in throttle of (e-mail, address): six digits are guessable, so they get no more tries
 * than a password. A TOTP step and a recovery code are each accepted once.
 */
@Injectable()
export class VerifySecondFactor {
  constructor(
    private readonly transactions: Transactions,
    private readonly twoFactor: TwoFactorStore,
    private readonly attempts: LoginAttemptsLimiter,
    private readonly secretBox: SecretBox,
  ) {}

  async execute(command: VerifySecondFactorCommand): Promise<void> {
    const accepted = await this.attempts.guard(
      normalizeEmail(command.email),
      command.ipAddress ?? 'unknown',
      async () => ((await this.spend(command)) ? true : null),
    );
    if (!accepted) throw new SsoError('TWO_FACTOR_CODE_INVALID', TWO_FACTOR_CODE_INVALID_MESSAGE);
  }

  private async spend(command: VerifySecondFactorCommand): Promise<boolean> {
    const now = new Date();
    const stored = await this.twoFactor.find(command.adminId);
    if (!stored?.enabledAt) {
      throw new SsoError('TWO_FACTOR_NOT_ENABLED', 'Two-factor sign-in is not turned on.');
    }
    const { factor } = command;
    if ('recoveryCode' in factor) {
      const hash = recoveryCodeHash(command.adminId, factor.recoveryCode);
      return this.transactions.run((tx) =>
        this.twoFactor.useRecoveryCode(tx, command.adminId, hash, now),
      );
    }
    const secret = this.secretBox.open(
      stored.secretSealed,
      twoFactorSecretContext(command.adminId),
    );
    const step = acceptedTotpStep(secret, factor.code, stored.lastUsedStep, now);
    if (step === null) return false;
    // Conditional on the stored step: a concurrent request with the same code loses here.
    return this.transactions.run((tx) => this.twoFactor.useStep(tx, command.adminId, step));
  }
}
