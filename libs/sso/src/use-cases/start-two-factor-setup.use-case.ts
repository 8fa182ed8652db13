import { Injectable } from '@nestjs/common';
import { SecretBox } from '@rollcall/crypto';
import { Transactions } from '@rollcall/db';
import { AdminLookup } from '@rollcall/organizations';
import { SsoError } from '../domain/sso.error';
import { newTotpSecret, totpUri } from '../domain/totp';
import { TwoFactorStore } from '../persistence/two-factor.store';
import { twoFactorSecretContext } from './verify-second-factor.use-case';

export interface TwoFactorSetup {
  /** Base32, for typing into an authenticator app. */
  secret: string;
  /** `otpauth://totp/…`, for a QR code or a link on a phone. */
  otpauthUrl: string;
}

/** A new TOTP secret for the admin, pending until a first code confirms it. */
@Injectable()
export class StartTwoFactorSetup {
  constructor(
    private readonly transactions: Transactions,
    private readonly admins: AdminLookup,
    private readonly twoFactor: TwoFactorStore,
    private readonly secretBox: SecretBox,
  ) {}

  async execute(adminId: string): Promise<TwoFactorSetup> {
    const admin = await this.admins.find(adminId);
    if (!admin) throw new Error(`Admin ${adminId} does not exist.`);
    const secret = newTotpSecret();
    const sealed = this.secretBox.seal(secret, twoFactorSecretContext(adminId));
    await this.transactions.run(async (tx) => {
      const stored = await this.twoFactor.find(adminId, tx);
      // Replacing an enabled secret here would turn a stolen session into a new second factor.
      if (stored?.enabledAt) {
        throw new SsoError(
          'TWO_FACTOR_ALREADY_ENABLED',
          'Two-factor sign-in is already on. Turn it off first to use another authenticator.',
        );
      }
      await this.twoFactor.savePending(tx, adminId, sealed, new Date());
    });
    return { secret, otpauthUrl: totpUri(admin.email, secret) };
  }
}
