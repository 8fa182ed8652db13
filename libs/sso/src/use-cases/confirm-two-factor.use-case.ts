import { Injectable } from '@nestjs/common';
import { SecretBox } from '@rollcall/crypto';
import { Transactions } from '@rollcall/db';
import { AdminLookup } from '@rollcall/organizations';
import { normalizeEmail } from '../domain/login-throttle.policy';
import { generateRecoveryCodes, recoveryCodeHash } from '../domain/recovery-codes';
import { SsoError } from '../domain/sso.error';
import { acceptedTotpStep } from '../domain/totp';
import { appendAdminSecurityEvent } from '../persistence/admin-security.events';
import { LoginAttemptsLimiter } from '../persistence/login-attempts.limiter';
import { TwoFactorStore } from '../persistence/two-factor.store';
import {
  TWO_FACTOR_CODE_INVALID_MESSAGE,
  twoFactorSecretContext,
} from './verify-second-factor.use-case';

export interface ConfirmTwoFactorCommand {
  adminId: string;
  code: string;
  ipAddress: string | null;
}

/**
 * A first code from the app proves it holds the pending secret: two-factor turns on, and the
 * recovery codes are returned, the only time they are known (only their hashes are kept).
 */
@Injectable()
export class ConfirmTwoFactor {
  constructor(
    private readonly transactions: Transactions,
    private readonly admins: AdminLookup,
    private readonly twoFactor: TwoFactorStore,
    private readonly attempts: LoginAttemptsLimiter,
    private readonly secretBox: SecretBox,
  ) {}

  async execute(command: ConfirmTwoFactorCommand): Promise<string[]> {
    const admin = await this.admins.find(command.adminId);
    if (!admin) throw new Error(`Admin ${command.adminId} does not exist.`);
    const stored = await this.twoFactor.find(admin.id);
    if (stored?.enabledAt) {
      throw new SsoError('TWO_FACTOR_ALREADY_ENABLED', 'Two-factor sign-in is already on.');
    }
    if (!stored) {
      throw new SsoError(
        'TWO_FACTOR_SETUP_NOT_STARTED',
        'Start two-factor setup first: it gives the secret for your authenticator app.',
      );
    }
    const secret = this.secretBox.open(stored.secretSealed, twoFactorSecretContext(admin.id));
    const step = await this.attempts.guard(
      normalizeEmail(admin.email),
      command.ipAddress ?? 'unknown',
      () => Promise.resolve(acceptedTotpStep(secret, command.code, null)),
    );
    if (step === null)
      throw new SsoError('TWO_FACTOR_CODE_INVALID', TWO_FACTOR_CODE_INVALID_MESSAGE);

    const codes = generateRecoveryCodes();
    const now = new Date();
    await this.transactions.run(async (tx) => {
      // The confirming code's step counts as used, so it cannot also open a sign-in.
      if (!(await this.twoFactor.enable(tx, admin.id, stored.secretSealed, step, now))) {
        throw new SsoError(
          'TWO_FACTOR_SETUP_NOT_STARTED',
          'Two-factor setup was restarted meanwhile: enter a code for the newest secret.',
        );
      }
      await this.twoFactor.replaceRecoveryCodes(
        tx,
        admin.id,
        codes.map((code) => recoveryCodeHash(admin.id, code)),
        now,
      );
      appendAdminSecurityEvent(tx, 'admin.two_factor_enabled', admin, `admin:${admin.email}`);
    });
    return codes;
  }
}
