import { Injectable } from '@nestjs/common';
import { Transactions } from '@rollcall/db';
import { signInChallengeInvalid } from '../domain/sign-in-challenge';
import { SignInChallengeStore } from '../persistence/sign-in-challenge.store';
import { ConfirmTwoFactor } from './confirm-two-factor.use-case';
import { FindSignInChallenge } from './find-sign-in-challenge.use-case';
import { OpenAdminSession, type AdminSignIn } from './open-admin-session.use-case';
import { StartTwoFactorSetup, type TwoFactorSetup } from './start-two-factor-setup.use-case';

export interface ConfirmEnrolmentCommand {
  challenge: string;
  code: string;
  ipAddress: string | null;
  userAgent: string | null;
  previousSessionSecret: string | null;
}

export interface EnrolledSignIn {
  signIn: AdminSignIn;
  recoveryCodes: string[];
}

/**
 * The org requires two-factor and the admin signing in has none: the password sign-in's
 * challenge lets them set it up, and confirming it opens the session.
 */
@Injectable()
export class EnrolTwoFactorAtSignIn {
  constructor(
    private readonly transactions: Transactions,
    private readonly findChallenge: FindSignInChallenge,
    private readonly challenges: SignInChallengeStore,
    private readonly startSetup: StartTwoFactorSetup,
    private readonly confirm: ConfirmTwoFactor,
    private readonly openAdminSession: OpenAdminSession,
  ) {}

  async start(challenge: string): Promise<TwoFactorSetup> {
    const found = await this.findChallenge.execute(challenge, 'enrol');
    return this.startSetup.execute(found.adminId);
  }

  async execute(command: ConfirmEnrolmentCommand): Promise<EnrolledSignIn> {
    const found = await this.findChallenge.execute(command.challenge, 'enrol');
    const recoveryCodes = await this.confirm.execute({
      adminId: found.adminId,
      code: command.code,
      ipAddress: command.ipAddress,
    });
    const taken = await this.transactions.run((tx) =>
      this.challenges.take(tx, found.id, new Date()),
    );
    if (!taken) throw signInChallengeInvalid();
    const signIn = await this.openAdminSession.execute({
      adminId: found.adminId,
      ipAddress: command.ipAddress,
      userAgent: command.userAgent,
      previousSessionSecret: command.previousSessionSecret,
    });
    return { signIn, recoveryCodes };
  }
}
