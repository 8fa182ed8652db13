/**
 * Just-in-time creation as it applies now. Unset (null) follows provisioning: while SCIM
 * provisioning is on, the IdP's assignments decide who exists, so strangers are refused; while
 * it is off, signing in is how people arrive.
 */
export function effectiveJitProvisioning(setting: boolean | null, scimEnabled: boolean): boolean {
  return setting ?? !scimEnabled;
}

export interface AdminSeniority {
  id: string;
  createdAt: Date;
}

/**
 * The break-glass admin keeps a password while the org requires SSO, so an IdP outage cannot
 * lock the org out: the first admin by creation time (the one who created the org), ties
 * broken by id so every replica picks the same one.
 */
export function breakGlassAdminId(admins: readonly AdminSeniority[]): string | null {
  let first: AdminSeniority | null = null;
  for (const admin of admins) {
    if (
      !first ||
      admin.createdAt.getTime() < first.createdAt.getTime() ||
      (admin.createdAt.getTime() === first.createdAt.getTime() && admin.id < first.id)
    ) {
      first = admin;
    }
  }
  return first?.id ?? null;
}
