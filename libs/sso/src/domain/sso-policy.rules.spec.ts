import { breakGlassAdminId, effectiveJitProvisioning } from './sso-policy.rules';

describe('effectiveJitProvisioning', () => {
  it.each([
    [null, true, false],
    [null, false, true],
    [true, true, true],
    [true, false, true],
    [false, true, false],
    [false, false, false],
  ])('setting %p with SCIM enabled %p → %p', (setting, scimEnabled, expected) => {
    expect(effectiveJitProvisioning(setting, scimEnabled)).toBe(expected);
  });
});

describe('breakGlassAdminId', () => {
  const at = (iso: string) => new Date(iso);

  it('is the first admin by creation time, whatever the order given', () => {
    expect(
      breakGlassAdminId([
        { id: 'b', createdAt: at('2025-02-01T00:00:00Z') },
        { id: 'c', createdAt: at('2025-01-01T00:00:00Z') },
        { id: 'a', createdAt: at('2025-03-01T00:00:00Z') },
      ]),
    ).toBe('c');
  });

  it('breaks a tie by id, so every replica agrees', () => {
    const same = at('2025-01-01T00:00:00Z');
    expect(
      breakGlassAdminId([
        { id: 'z', createdAt: same },
        { id: 'm', createdAt: same },
      ]),
    ).toBe('m');
  });

  it('is null for an org without admins', () => {
    expect(breakGlassAdminId([])).toBeNull();
  });
});
