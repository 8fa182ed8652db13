import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RoleName } from '@rollcall/contracts';
import { CacheInvalidation, inTransaction } from '@rollcall/db';
import { OrganizationError } from '../domain/organization.error';
import { SCIM_CREDENTIALS_TOPIC } from '../domain/scim-credentials.topic';
import { OrganizationEntity } from '../persistence/organization.entity';

/** Only the settings given change; the edge has checked their ranges already. */
export interface OrganizationSettingsChange {
  scimEnabled?: boolean;
  /** Whole days, 0–365; applies to teams deleted from now on, not to pending ones. */
  deletedTeamRetentionDays?: number;
  defaultRole?: RoleName;
}

/** Turning provisioning off refuses the org's credentials in every process from its next request. */
@Injectable()
export class UpdateOrganizationSettings {
  constructor(
    private readonly dataSource: DataSource,
    private readonly invalidation: CacheInvalidation,
  ) {}

  execute(organizationId: string, change: OrganizationSettingsChange): Promise<OrganizationEntity> {
    return inTransaction(this.dataSource, async (manager) => {
      const organization = await manager.findOne(OrganizationEntity, {
        where: { id: organizationId },
      });
      if (!organization) {
        throw new OrganizationError('ORGANIZATION_NOT_FOUND', 'No such organization.');
      }
      const next = {
        ...(change.scimEnabled === undefined ? {} : { scimEnabled: change.scimEnabled }),
        ...(change.deletedTeamRetentionDays === undefined
          ? {}
          : { deletedTeamRetentionDays: change.deletedTeamRetentionDays }),
        ...(change.defaultRole === undefined ? {} : { defaultRole: change.defaultRole }),
      };
      if (Object.keys(next).length === 0) return organization;
      Object.assign(organization, next, { updatedAt: new Date() });
      await manager.update(
        OrganizationEntity,
        { id: organizationId },
        { ...next, updatedAt: organization.updatedAt },
      );
      if (change.scimEnabled !== undefined) {
        // Both ways: credential caches may hold "refused" as well as "live".
        await this.invalidation.announce(manager, SCIM_CREDENTIALS_TOPIC);
      }
      return organization;
    });
  }
}
