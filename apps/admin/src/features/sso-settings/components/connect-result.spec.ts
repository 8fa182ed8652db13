import { MICROSOFT_CONNECTED_FLASH, connectResult } from './connect-result';

describe('connectResult', () => {
  it('flashes the connection', () => {
    expect(connectResult('?connected=microsoft')).toEqual({
      kind: 'connected',
      message: 'Microsoft Entra ID single sign-on was successfully connected.',
    });
    expect(MICROSOFT_CONNECTED_FLASH).toBe(
      'Microsoft Entra ID single sign-on was successfully connected.',
    );
  });

  it('explains known error codes', () => {
    expect(connectResult('?error=tenant_taken')).toMatchObject({
      kind: 'error',
      message: expect.stringContaining('already connected to another organization'),
    });
  });

  it('names the Entra roles that may connect a tenant', () => {
    const message = connectResult('?error=admin_role_required')?.message ?? '';
    for (const role of [
      'Global Administrator',
      'Privileged Role Administrator',
      'Application Administrator',
      'Cloud Application Administrator',
    ]) {
      expect(message).toContain(role);
    }
  });

  it('confirms a linked account, for Microsoft, the custom provider and SAML only', () => {
    expect(connectResult('?linked=microsoft')).toMatchObject({ kind: 'linked' });
    expect(connectResult('?linked=oidc')).toMatchObject({ kind: 'linked' });
    expect(connectResult('?linked=saml')).toEqual({
      kind: 'linked',
      message: expect.stringContaining('SAML SSO now opens your dashboard') as unknown as string,
    });
    expect(connectResult('?linked=toString')).toBeNull();
  });

  it('explains a SAML response refused while linking, by its reason', () => {
    expect(connectResult('?error=saml_rejected&reason=audience')?.message).toMatch(
      /Identifier \(Entity ID\)/,
    );
    expect(connectResult('?error=saml_rejected&reason=status')?.message).toMatch(/not assigned/);
  });

  it('falls back for unknown codes, without echoing long input', () => {
    const result = connectResult(`?error=${'x'.repeat(500)}`);
    expect(result?.kind).toBe('error');
    expect(result?.message.length).toBeLessThan(120);
  });

  it('says nothing on a plain visit', () => {
    expect(connectResult('')).toBeNull();
    expect(connectResult('?connected=okta')).toBeNull();
  });
});
