import { samlRejectionMessage, samlServiceProviderValues } from './saml-rejection.format';

const REASONS = [
  'signature',
  'sha1',
  'issuer',
  'audience',
  'destination',
  'recipient',
  'expired',
  'not_yet_valid',
  'status',
  'replayed',
  'request_unknown',
  'encryption',
  'subject',
  'malformed',
];

describe('samlRejectionMessage', () => {
  it('gives each reason its own help, and not the generic text', () => {
    const generic = samlRejectionMessage('something_new');
    for (const reason of REASONS) expect(samlRejectionMessage(reason)).not.toBe(generic);
    expect(samlRejectionMessage(null)).toBe(generic);
  });

  it('says what to fix for the common setup mistakes', () => {
    expect(samlRejectionMessage('signature')).toMatch(/not signed by a certificate configured/);
    expect(samlRejectionMessage('signature')).toMatch(/re-read/);
    expect(samlRejectionMessage('sha1')).toMatch(/SHA-256/);
    expect(samlRejectionMessage('expired')).toMatch(/clock/);
    expect(samlRejectionMessage('not_yet_valid')).toMatch(/clock/);
    expect(samlRejectionMessage('status')).toMatch(/not assigned/);
    expect(samlRejectionMessage('replayed')).toMatch(/already used/);
    expect(samlRejectionMessage('request_unknown')).toMatch(/too long ago/);
  });

  it('names the exact Identifier and Reply URL when the organization is known', () => {
    const sp = samlServiceProviderValues('https://rollcall.example/', 'acme');
    expect(sp).toEqual({
      entityId: 'https://rollcall.example/saml/acme',
      acsUrl: 'https://rollcall.example/saml/acme/acs',
    });
    expect(samlRejectionMessage('audience', sp)).toContain(
      'Identifier (Entity ID) in your identity provider must be “https://rollcall.example/saml/acme”',
    );
    expect(samlRejectionMessage('recipient', sp)).toContain(
      'must be “https://rollcall.example/saml/acme/acs”',
    );
    expect(samlRejectionMessage('destination', sp)).toBe(samlRejectionMessage('recipient', sp));
  });

  it('points at the SAML settings when it does not know them', () => {
    expect(samlRejectionMessage('audience')).toMatch(
      /Identifier \(Entity ID\) in the SAML settings/,
    );
    expect(samlRejectionMessage('destination')).toMatch(/Reply URL in the SAML settings/);
  });
});
