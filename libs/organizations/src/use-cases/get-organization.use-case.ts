import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OrganizationError } from '../domain/organization.error';
import { OrganizationEntity } from '../persistence/organization.entity';

@Injectable()
export class GetOrganization {
  constructor(private readonly dataSource: DataSource) {}

  /** The organization with its settings. */
  async execute(organizationId: string): Promise<OrganizationEntity> {
    const organization = await this.dataSource
      .getRepository(OrganizationEntity)
      .findOneBy({ id: organizationId });
    if (!organization) {
      throw new OrganizationError('ORGANIZATION_NOT_FOUND', 'No such organization.');
    }
    return organization;
  }
}
