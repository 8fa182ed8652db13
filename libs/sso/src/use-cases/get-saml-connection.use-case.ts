import { Injectable } from '@nestjs/common';
import type { StoredSamlConnection } from '../domain/saml-connection';
import { SamlConnectionStore } from '../persistence/saml-connection.store';
import {
  certificateStatus,
  describeCertificate,
  type CertificateFacts,
  type CertificateStatus,
} from '../saml';

/** A signing certificate of the IdP, with how long it is still good for. */
export interface SamlCertificate extends CertificateFacts {
  status: CertificateStatus;
  daysUntilExpiry: number;
}

/** The org's SAML identity provider as it may be shown. */
export interface SamlConnection extends Omit<
  StoredSamlConnection,
  'id' | 'organizationId' | 'certificates' | 'updatedByAdminId'
> {
  certificates: SamlCertificate[];
}

/** The org's SAML identity provider with its certificates' expiry, or null. */
@Injectable()
export class GetSamlConnection {
  constructor(private readonly connections: SamlConnectionStore) {}

  async execute(organizationId: string, now: Date = new Date()): Promise<SamlConnection | null> {
    const stored = await this.connections.find(organizationId);
    return stored && this.view(stored, now);
  }

  view(stored: StoredSamlConnection, now: Date = new Date()): SamlConnection {
    const { id: _id, organizationId: _org, updatedByAdminId: _admin, ...shown } = stored;
    return {
      ...shown,
      certificates: stored.certificates.map((pem) => {
        const facts = describeCertificate(pem);
        return { ...facts, ...certificateStatus(facts, now) };
      }),
    };
  }
}
