import { hash, randomBytes } from 'node:crypto';
import { ADMIN_INVITATION_LIFETIME_DAYS, INVITATION_PATH_PREFIX } from '@rollcall/contracts';
import type { AdminRole } from './admin-role';

const TOKEN_BYTES = 32;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
export const INVITATION_LIFETIME_MS = ADMIN_INVITATION_LIFETIME_DAYS * 24 * 60 * 60 * 1000;

/** An invitation as listed: never its token, which exists only in the link. */
export interface AdminInvitation {
  id: string;
  organizationId: string;
  email: string;
  role: AdminRole;
  /** Who invited: `admin:<e-mail>` or `cli`. */
  invitedBy: string;
  createdAt: Date;
  expiresAt: Date;
}

export interface InvitationSecret {
  /** Goes into the link; never stored or logged. */
  token: string;
  hash: string;
}

/** 32 random bytes (base64url, 43 characters); only the SHA-256 is stored. */
export function generateInvitationSecret(): InvitationSecret {
  const token = randomBytes(TOKEN_BYTES).toString('base64url');
  return { token, hash: hashInvitationToken(token) };
}

// Looking the token up by its hash keeps the comparison constant-time: what the database
// compares is a digest the caller cannot steer byte by byte.
export function hashInvitationToken(token: string): string {
  return hash('sha256', token, 'hex');
}

export function isWellFormedInvitationToken(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}

export function invitationLink(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}${INVITATION_PATH_PREFIX}${token}`;
}

export function isInvitationExpired(invitation: Pick<AdminInvitation, 'expiresAt'>, now: Date) {
  return invitation.expiresAt.getTime() <= now.getTime();
}
