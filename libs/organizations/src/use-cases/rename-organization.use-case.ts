import { Injectable } from '@nestjs/common';
import { Transactions } from '@rollcall/db';
import type { OrganizationProfile } from '../domain/organization-profile';
import { validOrganizationName } from '../domain/organization-name';
import { OrganizationError } from '../domain/organization.error';
import { OrganizationLookup } from '../persistence/organization.lookup';
import { OrganizationStore } from '../persistence/organization.store';

/** Renames the organization (trimmed, 1–200 characters). The slug stays: URLs keep working. */
@Injectable()
export class RenameOrganization {
  constructor(
    private readonly transactions: Transactions,
    private readonly organizations: OrganizationLookup,
    private readonly store: OrganizationStore,
  ) {}

  async execute(
    organizationId: string,
    rawName: string,
    actor: string,
  ): Promise<OrganizationProfile> {
    const name = validOrganizationName(rawName);
    return this.transactions.run(async (tx) => {
      const organization = await this.organizations.find(organizationId, tx);
      if (!organization) {
        throw new OrganizationError('ORGANIZATION_NOT_FOUND', 'No such organization.');
      }
      if (organization.name === name) return organization;
      return this.store.rename(tx, organization, name, actor, new Date());
    });
  }
}
