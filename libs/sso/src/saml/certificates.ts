import { X509Certificate } from 'node:crypto';
import { SamlMetadataError } from './saml-metadata.error';

export type CertificateStatus = 'valid' | 'expiring' | 'expired' | 'not_yet_valid';
export const CERTIFICATE_EXPIRY_WARNING_DAYS = 30;

export interface CertificateFacts {
  /** 'AB:CD:…', upper case. */
  fingerprintSha256: string;
  /** e.g. 'CN=Microsoft Azure Federated SSO Certificate', on one line. */
  subject: string;
  notBefore: Date;
  notAfter: Date;
}

// A real signing certificate is 1-2 KiB; anything far larger is not one.
const MAX_CERTIFICATE_CHARS = 64 * 1024;
const PEM_ARMOUR = /-----(BEGIN|END) CERTIFICATE-----/g;
const DAY_MS = 24 * 60 * 60_000;

/** PEM from PEM or bare base64 DER (whitespace tolerated); throws SamlMetadataError when it is not an X.509 certificate. */
export function normalizeCertificate(input: string): string {
  return parseCertificate(input).toString().trim() + '\n';
}

export function describeCertificate(pem: string): CertificateFacts {
  const certificate = parseCertificate(pem);
  return {
    fingerprintSha256: certificate.fingerprint256.toUpperCase(),
    subject: certificate.subject.split('\n').join(', '),
    notBefore: new Date(certificate.validFrom),
    notAfter: new Date(certificate.validTo),
  };
}

export function certificateStatus(
  facts: CertificateFacts,
  now: Date,
): { status: CertificateStatus; daysUntilExpiry: number } {
  const daysUntilExpiry = Math.floor((facts.notAfter.getTime() - now.getTime()) / DAY_MS);
  if (now.getTime() < facts.notBefore.getTime())
    return { status: 'not_yet_valid', daysUntilExpiry };
  if (now.getTime() >= facts.notAfter.getTime()) return { status: 'expired', daysUntilExpiry };
  const status = daysUntilExpiry < CERTIFICATE_EXPIRY_WARNING_DAYS ? 'expiring' : 'valid';
  return { status, daysUntilExpiry };
}

function parseCertificate(input: string): X509Certificate {
  if (typeof input !== 'string' || input.length > MAX_CERTIFICATE_CHARS) {
    throw new SamlMetadataError('The certificate is not an X.509 certificate.');
  }
  const base64 = input.replace(PEM_ARMOUR, '').replace(/\s+/g, '');
  if (base64 === '' || !/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) {
    throw new SamlMetadataError('The certificate is not an X.509 certificate (PEM or base64 DER).');
  }
  try {
    return new X509Certificate(Buffer.from(base64, 'base64'));
  } catch {
    throw new SamlMetadataError('The certificate is not an X.509 certificate.');
  }
}
