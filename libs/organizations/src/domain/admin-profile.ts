/** An organization's admin, as every feature reads it: never the password hash. */
export interface AdminProfile {
  id: string;
  organizationId: string;
  /** As the admin typed it; sign-in matches it case-insensitively. */
  email: string;
  createdAt: Date;
  lastLoginAt: Date | null;
}

/** What a password sign-in checks, and the only shape that carries the hash. */
export interface AdminCredentials {
  admin: AdminProfile;
  passwordHash: string;
}

/** Sign-in is case-insensitive and an address belongs to one admin across organizations. */
export function normalizeAdminEmail(email: string): string {
  return email.trim().toLowerCase();
}
