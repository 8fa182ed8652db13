import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OrganizationEntity } from '@rollcall/organizations';
import { SsoError } from '../domain/sso.error';
import { EntraConnectionEntity } from '../persistence/entra-connection.entity';
import { OidcProviderEntity } from '../persistence/oidc-provider.entity';
import { SsoPolicyStore } from '../persistence/sso-policy.store';

export interface OrganizationSignIn {
  organization: { name: string; slug: string };
  microsoftConnected: boolean;
  oidc: { displayName: string } | null;
  requireSso: boolean;
}

/** What an org's own sign-in page offers; public, so it shows nothing secret. */
@Injectable()
export class GetOrganizationSignIn {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policies: SsoPolicyStore,
  ) {}

  async execute(slug: string): Promise<OrganizationSignIn> {
    const manager = this.dataSource.manager;
    const organization = await manager.findOneBy(OrganizationEntity, { slug });
    if (!organization) {
      throw new SsoError('SSO_ORGANIZATION_NOT_FOUND', 'No organization has this sign-in link.');
    }
    const organizationId = organization.id;
    const [microsoftConnected, provider, policy] = await Promise.all([
      manager.existsBy(EntraConnectionEntity, { organizationId }),
      manager.findOneBy(OidcProviderEntity, { organizationId }),
      this.policies.read(manager, organizationId),
    ]);
    return {
      organization: { name: organization.name, slug: organization.slug },
      microsoftConnected,
      oidc: provider && { displayName: provider.displayName },
      requireSso: policy.requireSso,
    };
  }
}
