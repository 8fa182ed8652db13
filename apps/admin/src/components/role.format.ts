import type { EffectiveRoleView, RoleName } from '@rollcall/contracts';

const ROLE_LABELS: Record<RoleName, string> = {
  admin: 'Admin',
  billing_admin: 'Billing admin',
  team_lead: 'Team lead',
  responder: 'Responder',
  member: 'Member',
};

export function roleLabel(role: RoleName): string {
  return ROLE_LABELS[role];
}

/** Where an effective role comes from, in the words of the precedence rule. */
export function roleSourceLabel(role: EffectiveRoleView): string {
  switch (role.source) {
    case 'roleName':
      return 'from roleName (Microsoft Entra ID)';
    case 'group':
      return role.groupName ? `from group ${role.groupName}` : 'from a mapped group';
    case 'default':
      return 'organization default';
  }
}

/** `scim:rcs_ab12` → Entra with that token; `admin:it@acme.example` → the admin. */
export function deletedByLabel(deletedBy: string | null): string {
  if (!deletedBy) return 'Unknown';
  const [kind, ...rest] = deletedBy.split(':');
  const who = rest.join(':');
  if (kind === 'scim') return `Microsoft Entra ID (token ${who}…)`;
  if (kind === 'admin') return who;
  return deletedBy;
}

export function isProvisioningDelete(deletedBy: string | null): boolean {
  return deletedBy?.startsWith('scim:') ?? false;
}
