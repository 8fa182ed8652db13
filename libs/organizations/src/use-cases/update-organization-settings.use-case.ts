import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RoleName } from '@rollcall/contracts';
import { CacheInvalidation, appendEvents, inTransaction, type NewEvent } from '@rollcall/db';
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

  execute(
    organizationId: string,
    change: OrganizationSettingsChange,
    actor: string,
  ): Promise<OrganizationEntity> {
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
      const changed = (Object.keys(next) as (keyof typeof next)[]).filter(
        (key) => organization[key] !== next[key],
      );
      if (changed.length === 0) return organization;
      const wasEnabled = organization.scimEnabled;
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
      const event = (type: NewEvent['type'], data: Record<string, unknown>): NewEvent => ({
        organizationId,
        type,
        actor,
        subject: { type: 'organization', id: organizationId },
        data,
      });
      const events = [
        event('organization.updated', {
          changed,
          settings: {
            scimEnabled: organization.scimEnabled,
            deletedTeamRetentionDays: organization.deletedTeamRetentionDays,
            defaultRole: organization.defaultRole,
          },
        }),
      ];
      if (wasEnabled !== organization.scimEnabled) {
        events.push(
          event(organization.scimEnabled ? 'provisioning.enabled' : 'provisioning.disabled', {}),
        );
      }
      appendEvents(manager, events);
      return organization;
    });
  }
}
