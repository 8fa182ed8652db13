import { Injectable } from '@nestjs/common';
import { TwoFactorStore } from '../persistence/two-factor.store';

export interface TwoFactorStatus {
  enabled: boolean;
  enabledAt: Date | null;
  /** Unused recovery codes left (0 while two-factor is off). */
  recoveryCodesLeft: number;
}

/** Whether the admin has two-factor on, for their account page. */
@Injectable()
export class GetTwoFactorStatus {
  constructor(private readonly twoFactor: TwoFactorStore) {}

  async execute(adminId: string): Promise<TwoFactorStatus> {
    const stored = await this.twoFactor.find(adminId);
    const enabledAt = stored?.enabledAt ?? null;
    return {
      enabled: enabledAt !== null,
      enabledAt,
      recoveryCodesLeft: enabledAt ? await this.twoFactor.unusedRecoveryCodes(adminId) : 0,
    };
  }
}
