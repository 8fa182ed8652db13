import type { AdminRoleName } from '@rollcall/contracts';
import { ApiError, errorMessage } from '../../../api/api-error';

interface AdminRoleText {
  label: string;
  /** One line: what someone with this role may do. */
  explanation: string;
  color: string;
}

const ADMIN_ROLES: Record<AdminRoleName, AdminRoleText> = {
  owner: {
    label: 'Owner',
    explanation: 'Everything, including inviting, removing and changing admins.',
    color: 'grape',
  },
  admin: {
    label: 'Admin',
    explanation: 'Everything except managing admins.',
    color: 'blue',
  },
  viewer: {
    label: 'Viewer',
    explanation: 'Read-only: sees every page, changes nothing.',
    color: 'gray',
  },
};

export function adminRoleLabel(role: AdminRoleName): string {
  return ADMIN_ROLES[role].label;
}

export function adminRoleExplanation(role: AdminRoleName): string {
  return ADMIN_ROLES[role].explanation;
}

export function adminRoleColor(role: AdminRoleName): string {
  return ADMIN_ROLES[role].color;
}

/** The choices of a role select, most privileged first, each with its one-line explanation. */
export const ADMIN_ROLE_OPTIONS: { value: AdminRoleName; label: string; description: string }[] = (
  ['owner', 'admin', 'viewer'] as const
).map((role) => ({
  value: role,
  label: ADMIN_ROLES[role].label,
  description: ADMIN_ROLES[role].explanation,
}));

// The server's messages are written for API users; these say what to do in the dashboard.
const ADMIN_ERROR_MESSAGES: Record<string, string> = {
  LAST_OWNER:
    'The organization needs at least one owner. Make someone else an owner first (or transfer ownership).',
  ALREADY_ADMIN: 'That address is already an admin of this organization.',
  ADMIN_EMAIL_TAKEN:
    'That address is an admin of another organization. An e-mail address can administer one organization only.',
  ADMIN_EMAIL_INVALID: 'Enter a valid e-mail address.',
  ROLE_FORBIDDEN: 'Only an owner can manage admins.',
  TRANSFER_TO_SELF: 'You already own the organization: choose another admin.',
  ADMIN_NOT_FOUND: 'That admin no longer exists. Reload the page.',
  INVITATION_NOT_FOUND: 'That invitation no longer exists. Reload the page.',
};

/** What to show for a failed call on the Admins page. */
export function adminErrorMessage(error: unknown): string {
  if (error instanceof ApiError) return ADMIN_ERROR_MESSAGES[error.code] ?? error.message;
  return errorMessage(error);
}

const MAX_EMAIL_LENGTH = 320;

/** The invite form's e-mail check (the server checks again); null when it will do. */
export function inviteEmailError(email: string): string | null {
  const trimmed = email.trim();
  if (!trimmed) return 'Enter the e-mail address to invite.';
  if (trimmed.length > MAX_EMAIL_LENGTH) return `At most ${MAX_EMAIL_LENGTH} characters.`;
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(trimmed)) return 'Enter a valid e-mail address.';
  return null;
}
