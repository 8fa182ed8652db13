import type { SamlCertificateView } from '@rollcall/contracts';
import { certificateBadge, certificateRolloverNotice } from './saml-certificate.format';

const aCertificate = (overrides: Partial<SamlCertificateView> = {}): SamlCertificateView => ({
  fingerprintSha256: 'AB:CD',
  subject: 'CN=Microsoft Azure Federated SSO Certificate',
  notBefore: '2026-01-01T00:00:00Z',
  notAfter: '2029-01-01T00:00:00Z',
  status: 'valid',
  daysUntilExpiry: 700,
  ...overrides,
});

describe('certificateBadge', () => {
  it('shows each status in its color', () => {
    expect(certificateBadge(aCertificate())).toEqual({ label: 'Valid', color: 'green' });
    expect(certificateBadge(aCertificate({ status: 'expired', daysUntilExpiry: -3 }))).toEqual({
      label: 'Expired',
      color: 'red',
    });
    expect(certificateBadge(aCertificate({ status: 'not_yet_valid' }))).toEqual({
      label: 'Not yet valid',
      color: 'gray',
    });
  });

  it('counts the days left of an expiring certificate', () => {
    expect(certificateBadge(aCertificate({ status: 'expiring', daysUntilExpiry: 12 }))).toEqual({
      label: 'Expires in 12 days',
      color: 'orange',
    });
    expect(certificateBadge(aCertificate({ status: 'expiring', daysUntilExpiry: 1 })).label).toBe(
      'Expires in 1 day',
    );
    expect(certificateBadge(aCertificate({ status: 'expiring', daysUntilExpiry: 0 })).label).toBe(
      'Expires today',
    );
  });
});

describe('certificateRolloverNotice', () => {
  const url =
    'https://login.microsoftonline.com/t/federationmetadata/2007-06/federationmetadata.xml';

  it('says nothing while every certificate is valid or not yet valid', () => {
    expect(
      certificateRolloverNotice({
        metadataUrl: null,
        certificates: [aCertificate(), aCertificate({ status: 'not_yet_valid' })],
      }),
    ).toBeNull();
  });

  it('tells a metadata URL user that the new certificate arrives by itself', () => {
    const notice = certificateRolloverNotice({
      metadataUrl: url,
      certificates: [aCertificate({ status: 'expiring', daysUntilExpiry: 9 })],
    });
    expect(notice?.color).toBe('orange');
    expect(notice?.message).toContain('expires soon');
    expect(notice?.message).toContain('daily');
    expect(notice?.message).not.toContain('Edit and add');
  });

  it('tells a manual or XML setup to add the new certificate', () => {
    const notice = certificateRolloverNotice({
      metadataUrl: null,
      certificates: [aCertificate({ status: 'expired' }), aCertificate()],
    });
    expect(notice?.color).toBe('orange');
    expect(notice?.message).toContain('has expired');
    expect(notice?.message).toContain('Edit and add');
  });

  it('is red when no certificate can verify a response any more', () => {
    const notice = certificateRolloverNotice({
      metadataUrl: null,
      certificates: [aCertificate({ status: 'expired' })],
    });
    expect(notice?.color).toBe('red');
    expect(notice?.message).toContain('SAML sign-in fails');
  });
});
