import { Injectable } from '@nestjs/common';
import { Transactions } from '@rollcall/db';
import { AdminLookup } from '@rollcall/organizations';
import { signInChallengeInvalid } from '../domain/sign-in-challenge';
import { SignInChallengeStore } from '../persistence/sign-in-challenge.store';
import { FindSignInChallenge } from './find-sign-in-challenge.use-case';
import { OpenAdminSession, type AdminSignIn } from './open-admin-session.use-case';
import { VerifySecondFactor, type SecondFactor } from './verify-second-factor.use-case';

export interface CompleteTwoFactorSignInCommand {
  challenge: string;
  factor: SecondFactor;
  ipAddress: string | null;
  userAgent: string | null;
  previousSessionSecret: string | null;
}

/** The second step of a password sign-in with two-factor on: a code opens the session. */
@Injectable()
export class CompleteTwoFactorSignIn {
  constructor(
    private readonly transactions: Transactions,
    private readonly admins: AdminLookup,
    private readonly findChallenge: FindSignInChallenge,
    private readonly challenges: SignInChallengeStore,
    private readonly verifySecondFactor: VerifySecondFactor,
    private readonly openAdminSession: OpenAdminSession,
  ) {}

  async execute(command: CompleteTwoFactorSignInCommand): Promise<AdminSignIn> {
    const challenge = await this.findChallenge.execute(command.challenge, 'verify');
    const admin = await this.admins.find(challenge.adminId);
    if (!admin) throw signInChallengeInvalid();
    // A wrong code leaves the challenge live (the throttle limits the tries); a right one spends it.
    await this.verifySecondFactor.execute({
      adminId: admin.id,
      email: admin.email,
      factor: command.factor,
      ipAddress: command.ipAddress,
    });
    const taken = await this.transactions.run((tx) =>
      this.challenges.take(tx, challenge.id, new Date()),
    );
    if (!taken) throw signInChallengeInvalid();
    return this.openAdminSession.execute({
      adminId: admin.id,
      ipAddress: command.ipAddress,
      userAgent: command.userAgent,
      previousSessionSecret: command.previousSessionSecret,
    });
  }
}
