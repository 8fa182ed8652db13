import { Injectable } from '@nestjs/common';
import type { OrganizationProfile } from '../domain/organization-profile';
import { OrganizationError } from '../domain/organization.error';
import { OrganizationLookup } from '../persistence/organization.lookup';

@Injectable()
export class GetOrganization {
  constructor(private readonly organizations: OrganizationLookup) {}

  /** The organization with its settings. */
  async execute(organizationId: string): Promise<OrganizationProfile> {
    const organization = await this.organizations.find(organizationId);
    if (!organization) {
      throw new OrganizationError('ORGANIZATION_NOT_FOUND', 'No such organization.');
    }
    return organization;
  }
}
