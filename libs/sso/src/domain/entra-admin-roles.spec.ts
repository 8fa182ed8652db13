import { holdsTenantAdminRole, tenantAdminRoleNames } from './entra-admin-roles';

describe('holdsTenantAdminRole', () => {
  it.each([
    '62e90394-69f5-4237-9190-012177145e10',
    'e8611ab8-c189-46e8-94e1-60213ab1f814',
    '9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3',
    '158C047A-C907-4556-B7EF-446551A6B5F7',
  ])('accepts %s', (role) => {
    expect(holdsTenantAdminRole(['b79fbf4d-3ef9-4689-8143-76b194e85509', role])).toBe(true);
  });

  it('refuses no roles, the member role and other admin roles', () => {
    expect(holdsTenantAdminRole([])).toBe(false);
    expect(holdsTenantAdminRole(['b79fbf4d-3ef9-4689-8143-76b194e85509'])).toBe(false);
    // User Administrator cannot consent to apps for the tenant.
    expect(holdsTenantAdminRole(['fe930be7-5e62-47db-91af-98c3a49a38b1'])).toBe(false);
  });

  it('names the roles for the refusal page', () => {
    expect(tenantAdminRoleNames()).toBe(
      'Global Administrator, Privileged Role Administrator, Application Administrator, Cloud Application Administrator',
    );
  });
});
