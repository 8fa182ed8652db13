import { Injectable } from '@nestjs/common';
import { OrganizationLookup } from '@rollcall/organizations';
import { samlServiceProviderUrls, type SamlServiceProviderUrls } from '../domain/saml-connection';
import { SsoError } from '../domain/sso.error';
import { serviceProviderMetadata } from '../saml';
import { SamlTrustResolver } from '../saml-sp/saml-trust.resolver';

/** What an org's IdP needs from us: the fixed URLs and the encryption certificate. */
export interface SamlServiceProvider extends SamlServiceProviderUrls {
  encryptionCertificate: string;
}

/** The org's service-provider values, and its SP metadata document (public, by slug). */
@Injectable()
export class GetSamlServiceProvider {
  constructor(
    private readonly organizations: OrganizationLookup,
    private readonly trust: SamlTrustResolver,
  ) {}

  async execute(
    organization: { id: string; slug: string },
    publicUrl: string,
  ): Promise<SamlServiceProvider> {
    return {
      ...samlServiceProviderUrls(publicUrl, organization.slug),
      encryptionCertificate: await this.trust.encryptionCertificate(organization.id),
    };
  }

  async metadata(slug: string, publicUrl: string): Promise<string> {
    const organization = await this.organizations.findBySlug(slug);
    if (!organization) {
      throw new SsoError('SSO_ORGANIZATION_NOT_FOUND', 'No organization has this address.');
    }
    const sp = await this.execute(organization, publicUrl);
    return serviceProviderMetadata({
      entityId: sp.entityId,
      acsUrl: sp.acsUrl,
      encryptionCertificatePem: sp.encryptionCertificate,
    });
  }
}
