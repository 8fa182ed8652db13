import { deletedByLabel, isProvisioningDelete, roleSourceLabel } from './role.format';

describe('roleSourceLabel', () => {
  it('names the source of the effective role', () => {
    expect(roleSourceLabel({ role: 'admin', source: 'roleName' })).toBe(
      'from roleName (Microsoft Entra ID)',
    );
    expect(roleSourceLabel({ role: 'team_lead', source: 'group', groupName: 'SRE' })).toBe(
      'from group SRE',
    );
    expect(roleSourceLabel({ role: 'member', source: 'default' })).toBe('organization default');
  });
});

describe('deletedByLabel', () => {
  it('tells Microsoft Entra ID from an admin', () => {
    expect(deletedByLabel('scim:rcs_ab12')).toBe('Microsoft Entra ID (token rcs_ab12…)');
    expect(deletedByLabel('admin:it@acme.example')).toBe('it@acme.example');
    expect(deletedByLabel(null)).toBe('Unknown');
    expect(isProvisioningDelete('scim:rcs_ab12')).toBe(true);
    expect(isProvisioningDelete('admin:x@y')).toBe(false);
  });
});
