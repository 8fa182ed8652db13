import type { SamlCertificateView, SamlConnectionView } from '@rollcall/contracts';

export interface CertificateBadge {
  label: string;
  /** A Mantine color: green valid, orange expiring, red expired, gray not yet valid. */
  color: 'green' | 'orange' | 'red' | 'gray';
}

function days(count: number): string {
  return `${count} day${count === 1 ? '' : 's'}`;
}

/** The status badge of one signing certificate, from the server's status (30-day window). */
export function certificateBadge(
  certificate: Pick<SamlCertificateView, 'status' | 'daysUntilExpiry'>,
): CertificateBadge {
  switch (certificate.status) {
    case 'valid':
      return { label: 'Valid', color: 'green' };
    case 'expiring':
      return {
        label:
          certificate.daysUntilExpiry <= 0
            ? 'Expires today'
            : `Expires in ${days(certificate.daysUntilExpiry)}`,
        color: 'orange',
      };
    case 'expired':
      return { label: 'Expired', color: 'red' };
    case 'not_yet_valid':
      return { label: 'Not yet valid', color: 'gray' };
  }
}

export interface RolloverNotice {
  color: 'orange' | 'red';
  title: string;
  message: string;
}

/**
 * What to do when a signing certificate nears or passes its end. With a metadata URL the daily
 * re-read picks up the IdP's new certificate (Entra publishes it there before switching);
 * otherwise nobody tells Rollcall, so the admin adds it before the IdP signs with it.
 */
export function certificateRolloverNotice(
  connection: Pick<SamlConnectionView, 'certificates' | 'metadataUrl'>,
): RolloverNotice | null {
  const { certificates } = connection;
  const expiring = certificates.filter((c) => c.status === 'expiring');
  const expired = certificates.filter((c) => c.status === 'expired');
  if (expiring.length === 0 && expired.length === 0) return null;
  const usable = certificates.some((c) => c.status === 'valid' || c.status === 'expiring');
  const autoUpdates = connection.metadataUrl !== null;
  const what = usable
    ? expiring.length > 0
      ? 'A signing certificate of your identity provider expires soon.'
      : 'A signing certificate of your identity provider has expired.'
    : 'Every signing certificate of your identity provider has expired: SAML sign-in fails until a valid one is added.';
  const todo = autoUpdates
    ? ' Rollcall re-reads the metadata URL daily, so once your identity provider publishes its new certificate (in Entra: create it under SAML Certificates, then make it active) it is added here by itself. Check that the new certificate appears in the table before the old one ends.'
    : ' Rollcall was not given a metadata URL, so it cannot see the new certificate: create it at your identity provider, then Edit and add it here (keep the old one until the switch), or switch to the metadata URL so rollover needs no action.';
  return {
    color: usable ? 'orange' : 'red',
    title: usable ? 'Certificate rollover' : 'No valid signing certificate',
    message: `${what}${todo}`,
  };
}
