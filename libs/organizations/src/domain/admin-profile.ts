import type { AdminRole } from './admin-role';
import { OrganizationError } from './organization.error';

/** An organization's admin, as every feature reads it: never the password hash. */
export interface AdminProfile {
  id: string;
  organizationId: string;
  /** As the admin typed it; sign-in matches it case-insensitively. */
  email: string;
  role: AdminRole;
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

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The address trimmed, or ADMIN_EMAIL_INVALID. */
export function validAdminEmail(email: string): string {
  const trimmed = email.trim();
  if (!EMAIL_PATTERN.test(trimmed) || trimmed.length > 320) {
    throw new OrganizationError('ADMIN_EMAIL_INVALID', 'The admin e-mail is not valid.');
  }
  return trimmed;
}
