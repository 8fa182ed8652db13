import { Injectable } from '@nestjs/common';
import { Transactions } from '@rollcall/db';
import { AdminLookup } from '@rollcall/organizations';
import { currentPasswordIncorrect } from '../domain/sso.error';
import { appendAdminSecurityEvent } from '../persistence/admin-security.events';
import { TwoFactorStore } from '../persistence/two-factor.store';
import { VerifyAdminPassword } from './verify-admin-password.use-case';
import { VerifySecondFactor, type SecondFactor } from './verify-second-factor.use-case';

export interface DisableTwoFactorCommand {
  adminId: string;
  password: string;
  factor: SecondFactor;
  ipAddress: string | null;
}

/** Turns two-factor off: both factors are asked for, so a stolen session alone cannot. */
@Injectable()
export class DisableTwoFactor {
  constructor(
    private readonly transactions: Transactions,
    private readonly admins: AdminLookup,
    private readonly verifyPassword: VerifyAdminPassword,
    private readonly verifySecondFactor: VerifySecondFactor,
    private readonly twoFactor: TwoFactorStore,
  ) {}

  async execute(command: DisableTwoFactorCommand): Promise<void> {
    const admin = await this.admins.find(command.adminId);
    if (!admin) throw new Error(`Admin ${command.adminId} does not exist.`);
    const verified = await this.verifyPassword.execute({
      email: admin.email,
      password: command.password,
      ipAddress: command.ipAddress,
    });
    if (!verified || verified.id !== admin.id) throw currentPasswordIncorrect();
    await this.verifySecondFactor.execute({
      adminId: admin.id,
      email: admin.email,
      factor: command.factor,
      ipAddress: command.ipAddress,
    });
    await this.transactions.run(async (tx) => {
      await this.twoFactor.remove(tx, admin.id);
      appendAdminSecurityEvent(tx, 'admin.two_factor_disabled', admin, `admin:${admin.email}`);
    });
  }
}
