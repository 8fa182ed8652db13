import { Injectable } from '@nestjs/common';
import { OrganizationLookup } from '@rollcall/organizations';
import { SsoError } from '../domain/sso.error';
import { EntraConnectionStore } from '../persistence/entra-connection.store';
import { OidcProviderStore } from '../persistence/oidc-provider.store';
import { SamlConnectionStore } from '../persistence/saml-connection.store';
import { SsoPolicyStore } from '../persistence/sso-policy.store';

export interface OrganizationSignIn {
  organization: { name: string; slug: string };
  microsoftConnected: boolean;
  oidc: { displayName: string } | null;
  samlConnected: boolean;
  requireSso: boolean;
}

/** What an org's own sign-in page offers; public, so it shows nothing secret. */
@Injectable()
export class GetOrganizationSignIn {
  constructor(
    private readonly organizations: OrganizationLookup,
    private readonly connections: EntraConnectionStore,
    private readonly providers: OidcProviderStore,
    private readonly samlConnections: SamlConnectionStore,
    private readonly policies: SsoPolicyStore,
  ) {}

  async execute(slug: string): Promise<OrganizationSignIn> {
    const organization = await this.organizations.findBySlug(slug);
    if (!organization) {
      throw new SsoError('SSO_ORGANIZATION_NOT_FOUND', 'No organization has this sign-in link.');
    }
    const organizationId = organization.id;
    const [connection, provider, saml, policy] = await Promise.all([
      this.connections.find(organizationId),
      this.providers.find(organizationId),
      this.samlConnections.find(organizationId),
      this.policies.read(organizationId),
    ]);
    return {
      organization: { name: organization.name, slug: organization.slug },
      microsoftConnected: connection !== null,
      oidc: provider && { displayName: provider.displayName },
      samlConnected: saml !== null,
      requireSso: policy.requireSso,
    };
  }
}
