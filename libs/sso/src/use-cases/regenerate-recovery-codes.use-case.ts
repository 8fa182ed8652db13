import { Injectable } from '@nestjs/common';
import { Transactions } from '@rollcall/db';
import { AdminLookup } from '@rollcall/organizations';
import { generateRecoveryCodes, recoveryCodeHash } from '../domain/recovery-codes';
import { appendAdminSecurityEvent } from '../persistence/admin-security.events';
import { TwoFactorStore } from '../persistence/two-factor.store';
import { VerifySecondFactor } from './verify-second-factor.use-case';

export interface RegenerateRecoveryCodesCommand {
  adminId: string;
  code: string;
  ipAddress: string | null;
}

/** Ten new recovery codes, returned once; every earlier one, used or not, stops working. */
@Injectable()
export class RegenerateRecoveryCodes {
  constructor(
    private readonly transactions: Transactions,
    private readonly admins: AdminLookup,
    private readonly verifySecondFactor: VerifySecondFactor,
    private readonly twoFactor: TwoFactorStore,
  ) {}

  async execute(command: RegenerateRecoveryCodesCommand): Promise<string[]> {
    const admin = await this.admins.find(command.adminId);
    if (!admin) throw new Error(`Admin ${command.adminId} does not exist.`);
    await this.verifySecondFactor.execute({
      adminId: admin.id,
      email: admin.email,
      factor: { code: command.code },
      ipAddress: command.ipAddress,
    });
    const codes = generateRecoveryCodes();
    const hashes = codes.map((code) => recoveryCodeHash(admin.id, code));
    await this.transactions.run(async (tx) => {
      await this.twoFactor.replaceRecoveryCodes(tx, admin.id, hashes, new Date());
      appendAdminSecurityEvent(
        tx,
        'admin.recovery_codes_regenerated',
        admin,
        `admin:${admin.email}`,
      );
    });
    return codes;
  }
}
