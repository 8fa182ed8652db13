import { Injectable } from '@nestjs/common';
import type { OrganizationProfile } from '../domain/organization-profile';
import { OrganizationError } from '../domain/organization.error';
import { OrganizationLookup } from '../persistence/organization.lookup';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An organization named the way an operator names it: by id or by slug. */
@Injectable()
export class FindOrganization {
  constructor(private readonly organizations: OrganizationLookup) {}

  async execute(idOrSlug: string): Promise<OrganizationProfile> {
    const organization = UUID.test(idOrSlug)
      ? await this.organizations.find(idOrSlug.toLowerCase())
      : await this.organizations.findBySlug(idOrSlug.toLowerCase());
    if (!organization) {
      throw new OrganizationError('ORGANIZATION_NOT_FOUND', 'No such organization.');
    }
    return organization;
  }
}
