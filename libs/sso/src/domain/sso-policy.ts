/** An organization's sign-in rules as stored. */
export interface StoredSsoPolicy {
  requireSso: boolean;
  jitProvisioning: boolean | null;
  /** Lower-cased; empty: nobody is created just in time. */
  jitDomains: string[];
  externalIdIsObjectId: boolean;
  /** Password sign-ins need a second factor (TOTP); SSO sign-ins leave MFA to the IdP. */
  requireTwoFactor: boolean;
}

/** No row: passwords allowed, JIT unset, no JIT domains. */
export const DEFAULT_SSO_POLICY: StoredSsoPolicy = {
  requireSso: false,
  jitProvisioning: null,
  jitDomains: [],
  externalIdIsObjectId: false,
  requireTwoFactor: false,
};
