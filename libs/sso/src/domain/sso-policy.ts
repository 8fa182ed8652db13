/** An organization's sign-in rules as stored. */
export interface StoredSsoPolicy {
  requireSso: boolean;
  jitProvisioning: boolean | null;
  /** Lower-cased; empty: nobody is created just in time. */
  jitDomains: string[];
  externalIdIsObjectId: boolean;
}

/** No row: passwords allowed, JIT unset, no JIT domains. */
export const DEFAULT_SSO_POLICY: StoredSsoPolicy = {
  requireSso: false,
  jitProvisioning: null,
  jitDomains: [],
  externalIdIsObjectId: false,
};
