import { Injectable } from '@nestjs/common';
import { Transactions } from '@rollcall/db';
import type { OrganizationProfile } from '../domain/organization-profile';
import { changedSettings, type OrganizationSettingsChange } from '../domain/organization-settings';
import { OrganizationError } from '../domain/organization.error';
import { OrganizationLookup } from '../persistence/organization.lookup';
import { OrganizationStore } from '../persistence/organization.store';
import { OrganizationSettingsHooks } from './organization-settings.hooks';

/**
 * Turning provisioning off refuses the org's credentials in every process from its next request.
 * What else a change means (a new default role moves users' roles) is the hooks' to write, in
 * the same transaction.
 */
@Injectable()
export class UpdateOrganizationSettings {
  constructor(
    private readonly transactions: Transactions,
    private readonly organizations: OrganizationLookup,
    private readonly store: OrganizationStore,
    private readonly hooks: OrganizationSettingsHooks,
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
      const updated = await this.store.updateSettings(tx, organization, change, actor, new Date());
      await this.hooks.run(tx, { organizationId, before: organization, after: updated, actor });
      return updated;
    });
  }
}
