import { Injectable } from '@nestjs/common';
import {
  challengeIdOf,
  isWellFormedChallenge,
  signInChallengeInvalid,
  type SignInChallengePurpose,
  type StoredChallenge,
} from '../domain/sign-in-challenge';
import { SignInChallengeStore } from '../persistence/sign-in-challenge.store';

/** The live challenge of a password sign-in's second step, for that step only. */
@Injectable()
export class FindSignInChallenge {
  constructor(private readonly challenges: SignInChallengeStore) {}

  async execute(challenge: unknown, purpose: SignInChallengePurpose): Promise<StoredChallenge> {
    if (!isWellFormedChallenge(challenge)) throw signInChallengeInvalid();
    const found = await this.challenges.findLive(challengeIdOf(challenge), new Date());
    if (!found || found.purpose !== purpose) throw signInChallengeInvalid();
    return found;
  }
}
