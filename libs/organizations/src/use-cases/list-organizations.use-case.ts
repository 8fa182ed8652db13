import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OrganizationEntity } from '../persistence/organization.entity';

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
  constructor(private readonly dataSource: DataSource) {}

  async execute(): Promise<OrganizationSummary[]> {
    const organizations = await this.dataSource
      .getRepository(OrganizationEntity)
      .find({ order: { createdAt: 'ASC', id: 'ASC' } });
    return organizations.map(({ id, name, slug, scimEnabled, createdAt }) => ({
      id,
      name,
      slug,
      scimEnabled,
      createdAt,
    }));
  }
}
