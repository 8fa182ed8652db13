import type { AdminSessionView } from './auth';

/** `POST /api/account/password`: other sessions of the admin end; this one stays. */
export interface ChangePasswordRequest {
  currentPassword: string;
  /** At least 8 characters. */
  newPassword: string;
}

/** `GET /api/account/two-factor` */
export interface TwoFactorStatusView {
  enabled: boolean;
  /** ISO 8601; null while off. */
  enabledAt: string | null;
  /** Unused recovery codes left. */
  recoveryCodesLeft: number;
}

/**
 * `POST /api/account/two-factor/setup` (and `/api/auth/login/two-factor/setup`): the TOTP
 * secret, pending until a first code confirms it.
 */
export interface TwoFactorSetupView {
  /** Base32, to type into an authenticator app. */
  secret: string;
  /** `otpauth://totp/Rollcall:<e-mail>?secret=…&issuer=Rollcall` */
  otpauthUrl: string;
}

/** `POST /api/account/two-factor/confirm`, `POST /api/account/two-factor/recovery-codes` */
export interface TwoFactorCodeRequest {
  /** The 6-digit code the authenticator app shows now. */
  code: string;
}

/** Returned once: only their hashes are kept. Each works once. */
export interface RecoveryCodesView {
  recoveryCodes: string[];
}

/** `DELETE /api/account/two-factor`: the password and one of the two codes. */
export interface DisableTwoFactorRequest {
  password: string;
  code?: string;
  recoveryCode?: string;
}

/**
 * `POST /api/auth/login` when a right password is not enough yet: nothing is signed in, no
 * cookie is set. `twoFactorRequired`: send a code to `/api/auth/login/two-factor`.
 * `twoFactorSetupRequired`: the org requires two-factor; enrol through
 * `/api/auth/login/two-factor/setup` and `/confirm`.
 */
export type LoginChallengeView =
  | { twoFactorRequired: true; challenge: string }
  | { twoFactorSetupRequired: true; challenge: string };

/** Everything `POST /api/auth/login` can answer with 200. */
export type LoginResponse = AdminSessionView | LoginChallengeView;

/** `POST /api/auth/login/two-factor`: the challenge and exactly one of the codes. */
export interface TwoFactorLoginRequest {
  challenge: string;
  code?: string;
  recoveryCode?: string;
}

/** `POST /api/auth/login/two-factor/setup` */
export interface TwoFactorEnrolmentRequest {
  challenge: string;
}

/** `POST /api/auth/login/two-factor/confirm` */
export interface TwoFactorEnrolmentConfirmRequest {
  challenge: string;
  code: string;
}

/** The session opened by enrolling at sign-in, with the recovery codes (shown once). */
export type EnrolledSessionView = AdminSessionView & RecoveryCodesView;

export function isLoginChallenge(response: LoginResponse): response is LoginChallengeView {
  return 'challenge' in response;
}
