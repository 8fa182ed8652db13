import { userSourceLabel } from './user-source.format';

describe('userSourceLabel', () => {
  it('names each source', () => {
    expect(userSourceLabel('scim').label).toBe('SCIM');
    expect(userSourceLabel('manual').label).toBe('Manual');
    expect(userSourceLabel('sso').label).toBe('SSO (just-in-time)');
    expect(userSourceLabel('sso').description).toMatch(/first single sign-on/);
  });

  it('tells the three apart by colour too', () => {
    const colors = new Set(
      ['scim', 'sso', 'manual'].map((s) => userSourceLabel(s as 'scim').color),
    );
    expect(colors.size).toBe(3);
  });
});
