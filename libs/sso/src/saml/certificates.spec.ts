import { createHash, X509Certificate } from 'node:crypto';
import {
  CERTIFICATE_EXPIRY_WARNING_DAYS,
  certificateStatus,
  describeCertificate,
  normalizeCertificate,
} from './certificates';
import type { CertificateFacts } from './certificates';
import { SamlMetadataError } from './saml-metadata.error';
import { generateServiceProviderKey } from './sp-key';

const DAY = 24 * 60 * 60_000;
let pem: string;

beforeAll(async () => {
  pem = (await generateServiceProviderKey('Rollcall SAML encryption')).certificatePem;
});

function base64Body(certificate: string): string {
  return certificate.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
}

describe('normalizeCertificate', () => {
  it('returns the same PEM from PEM, bare base64 and base64 broken over lines', () => {
    const expected = new X509Certificate(pem).toString();
    const body = base64Body(pem);
    expect(normalizeCertificate(pem)).toBe(expected);
    expect(normalizeCertificate(body)).toBe(expected);
    expect(normalizeCertificate(`  ${body.replace(/(.{60})/g, '$1\r\n  ')}\n`)).toBe(expected);
  });

  it.each([
    ['empty', ''],
    ['not base64', 'hello world!'],
    ['base64 of something else', Buffer.from('not a certificate').toString('base64')],
    ['a truncated certificate', '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----'],
    ['huge', 'A'.repeat(200_000)],
  ])('refuses %s with a SamlMetadataError', (_what, input) => {
    expect(() => normalizeCertificate(input)).toThrow(SamlMetadataError);
  });
});

describe('describeCertificate', () => {
  it('gives the SHA-256 fingerprint, the subject on one line and the validity', () => {
    const facts = describeCertificate(pem);
    const der = Buffer.from(base64Body(pem), 'base64');
    const fingerprint = createHash('sha256')
      .update(der)
      .digest('hex')
      .toUpperCase()
      .match(/../g)
      ?.join(':');
    expect(facts.fingerprintSha256).toBe(fingerprint);
    expect(facts.subject).toBe('CN=Rollcall SAML encryption');
    expect(facts.notBefore.getTime()).toBeLessThanOrEqual(Date.now());
    // 10 years, give or take a leap day and the certificate's second precision.
    expect(facts.notAfter.getTime() - facts.notBefore.getTime()).toBeGreaterThan(3650 * DAY - DAY);
  });
});

describe('certificateStatus', () => {
  const now = new Date('2026-06-01T00:00:00Z');
  const facts = (notBefore: string, notAfter: string): CertificateFacts => ({
    fingerprintSha256: 'AA',
    subject: 'CN=x',
    notBefore: new Date(notBefore),
    notAfter: new Date(notAfter),
  });

  it.each([
    ['valid', '2025-01-01T00:00:00Z', '2027-01-01T00:00:00Z', 214],
    ['expiring', '2025-01-01T00:00:00Z', '2026-06-20T00:00:00Z', 19],
    [
      'expiring',
      '2025-01-01T00:00:00Z',
      '2026-06-30T12:00:00Z',
      CERTIFICATE_EXPIRY_WARNING_DAYS - 1,
    ],
    ['valid', '2025-01-01T00:00:00Z', '2026-07-01T00:00:00Z', CERTIFICATE_EXPIRY_WARNING_DAYS],
    ['expired', '2025-01-01T00:00:00Z', '2026-06-01T00:00:00Z', 0],
    ['expired', '2025-01-01T00:00:00Z', '2026-05-01T00:00:00Z', -31],
    ['not_yet_valid', '2026-06-02T00:00:00Z', '2027-01-01T00:00:00Z', 214],
  ])('%s from %s to %s', (status, notBefore, notAfter, days) => {
    expect(certificateStatus(facts(notBefore, notAfter), now)).toEqual({
      status,
      daysUntilExpiry: days,
    });
  });
});
