import { Injectable } from '@nestjs/common';
import { OrganizationStore } from '../persistence/organization.store';

export interface OrganizationSummary {
  id: string;
  name: string;
  slug: string;
  scimEnabled: boolean;
  createdAt: Date;
}

/** Every organization, oldest first: the operator's inventory. */
@Injectable()
export class ListOrganizations {
  constructor(private readonly organizations: OrganizationStore) {}

  async execute(): Promise<OrganizationSummary[]> {
    const organizations = await this.organizations.list();
    return organizations.map(({ id, name, slug, scimEnabled, createdAt }) => ({
      id,
      name,
      slug,
      scimEnabled,
      createdAt,
    }));
  }
}
