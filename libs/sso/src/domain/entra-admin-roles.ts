/**
 * The Entra directory roles (template ids, as the ID token's `wids` lists them) that may bind
 * a tenant to an organization: each can already consent to apps for the whole tenant, so
 * connecting Rollcall gives nobody more than they hold. Any other account of the tenant is
 * refused, so a member of Contoso cannot route Contoso's sign-ins to an org they administer.
 */
export const TENANT_ADMIN_ROLES: readonly { id: string; name: string }[] = [
  { id: '62e90394-69f5-4237-9190-012177145e10', name: 'Global Administrator' },
  { id: 'e8611ab8-c189-46e8-94e1-60213ab1f814', name: 'Privileged Role Administrator' },
  { id: '9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3', name: 'Application Administrator' },
  { id: '158c047a-c907-4556-b7ef-446551a6b5f7', name: 'Cloud Application Administrator' },
];

export function holdsTenantAdminRole(wids: readonly string[]): boolean {
  const held = new Set(wids.map((id) => id.toLowerCase()));
  return TENANT_ADMIN_ROLES.some((role) => held.has(role.id));
}

export function tenantAdminRoleNames(): string {
  return TENANT_ADMIN_ROLES.map((role) => role.name).join(', ');
}
