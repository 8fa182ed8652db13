import { Injectable } from '@nestjs/common';
import { Transactions } from '@rollcall/db';
import type { OrganizationProfile } from '../domain/organization-profile';
import { changedSettings, type OrganizationSettingsChange } from '../domain/organization-settings';
import { OrganizationError } from '../domain/organization.error';
import { OrganizationLookup } from '../persistence/organization.lookup';
import { OrganizationStore } from '../persistence/organization.store';

/** Turning provisioning off refuses the org's credentials in every process from its next request. */
@Injectable()
export class UpdateOrganizationSettings {
  constructor(
    private readonly transactions: Transactions,
    private readonly organizations: OrganizationLookup,
    private readonly store: OrganizationStore,
  ) {}

  execute(
    organizationId: string,
    change: OrganizationSettingsChange,
    actor: string,
  ): Promise<OrganizationProfile> {
    return this.transactions.run(async (tx) => {
      const organization = await this.organizations.find(organizationId, tx);
      if (!organization) {
        throw new OrganizationError('ORGANIZATION_NOT_FOUND', 'No such organization.');
      }
      if (changedSettings(organization, change).length === 0) return organization;
      return this.store.updateSettings(tx, organization, change, actor, new Date());
    });
  }
}
