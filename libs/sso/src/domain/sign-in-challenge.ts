import { createHash, randomBytes } from 'node:crypto';
import { SsoError } from './sso.error';

/**
 * What a password sign-in still needs before its session opens: a TOTP (or recovery) code, or,
 * when the org requires two-factor and the admin has none, enrolment.
 */
export type SignInChallengePurpose = 'verify' | 'enrol';

/** Long enough to type a code or scan a QR; short enough that a leaked one is soon useless. */
export const SIGN_IN_CHALLENGE_LIFETIME_MS = 10 * 60_000;

const CHALLENGE_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export interface IssuedChallenge {
  /** Given to the browser once; never stored. */
  challenge: string;
  /** SHA-256 of the challenge, hex: what the database holds. */
  id: string;
}

export function generateChallenge(): IssuedChallenge {
  const challenge = randomBytes(32).toString('base64url');
  return { challenge, id: challengeIdOf(challenge) };
}

export function challengeIdOf(challenge: string): string {
  return createHash('sha256').update(challenge, 'utf8').digest('hex');
}

export function isWellFormedChallenge(value: unknown): value is string {
  return typeof value === 'string' && CHALLENGE_PATTERN.test(value);
}

export interface StoredChallenge {
  id: string;
  adminId: string;
  purpose: SignInChallengePurpose;
  expiresAt: Date;
}

/** Unknown, spent, expired, or for the other step: the sign-in starts again from the password. */
export function signInChallengeInvalid(): SsoError {
  return new SsoError(
    'TWO_FACTOR_CHALLENGE_INVALID',
    'This sign-in has expired or was already completed. Sign in again with your password.',
  );
}
