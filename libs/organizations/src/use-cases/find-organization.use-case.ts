import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OrganizationError } from '../domain/organization.error';
import { OrganizationEntity } from '../persistence/organization.entity';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An organization named the way an operator names it: by id or by slug. */
@Injectable()
export class FindOrganization {
  constructor(private readonly dataSource: DataSource) {}

  async execute(idOrSlug: string): Promise<OrganizationEntity> {
    const repository = this.dataSource.getRepository(OrganizationEntity);
    const organization = UUID.test(idOrSlug)
      ? await repository.findOneBy({ id: idOrSlug.toLowerCase() })
      : await repository.findOneBy({ slug: idOrSlug.toLowerCase() });
    if (!organization) {
      throw new OrganizationError('ORGANIZATION_NOT_FOUND', 'No such organization.');
    }
    return organization;
  }
}
