import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { appendEvents, inTransaction } from '@rollcall/db';
import { validOrganizationName } from '../domain/organization-name';
import { OrganizationError } from '../domain/organization.error';
import { OrganizationEntity } from '../persistence/organization.entity';

/** Renames the organization (trimmed, 1–200 characters). The slug stays: URLs keep working. */
@Injectable()
export class RenameOrganization {
  constructor(private readonly dataSource: DataSource) {}

  async execute(
    organizationId: string,
    rawName: string,
    actor: string,
  ): Promise<OrganizationEntity> {
    const name = validOrganizationName(rawName);
    return inTransaction(this.dataSource, async (manager) => {
      const repository = manager.getRepository(OrganizationEntity);
      const organization = await repository.findOneBy({ id: organizationId });
      if (!organization) {
        throw new OrganizationError('ORGANIZATION_NOT_FOUND', 'No such organization.');
      }
      if (organization.name === name) return organization;
      const previousName = organization.name;
      organization.name = name;
      organization.updatedAt = new Date();
      await repository.update({ id: organizationId }, { name, updatedAt: organization.updatedAt });
      appendEvents(manager, [
        {
          organizationId,
          type: 'organization.updated',
          actor,
          subject: { type: 'organization', id: organizationId },
          data: { changed: ['name'], name, previousName },
        },
      ]);
      return organization;
    });
  }
}
