/** An admin's TOTP enrolment as stored: the secret stays sealed until a code is checked. */
export interface StoredTwoFactor {
  adminId: string;
  secretSealed: string;
  /** Null while pending: set up, not yet confirmed with a first code. */
  enabledAt: Date | null;
  /** The newest time step accepted; a code of it or an older one is refused. */
  lastUsedStep: number | null;
}
