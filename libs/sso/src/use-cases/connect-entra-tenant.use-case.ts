import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { inTransaction, isUniqueViolation } from '@rollcall/db';
import { OrganizationAdminEntity } from '@rollcall/organizations';
import { SsoError } from '../domain/sso.error';
import { EntraRoundTrip, type EntraCallback } from '../entra/entra-round-trip';
import { EntraConnectionEntity } from '../persistence/entra-connection.entity';

export interface ConnectEntraTenantCommand extends EntraCallback {
  /** The admin whose session carries the callback: it must be the one who started it. */
  adminId: string;
  organizationId: string;
}

const TENANT_TAKEN =
  'This Microsoft Entra tenant is already connected to another organization. Disconnect it there first.';

/** The callback of "Connect Microsoft Azure": records the org's Entra tenant (`tid`). */
@Injectable()
export class ConnectEntraTenant {
  constructor(
    private readonly dataSource: DataSource,
    private readonly roundTrip: EntraRoundTrip,
  ) {}

  async execute(command: ConnectEntraTenantCommand): Promise<EntraConnectionEntity> {
    const { authorization, identity } = await this.roundTrip.finish('connect', command);
    if (
      authorization.adminId !== command.adminId ||
      authorization.organizationId !== command.organizationId
    ) {
      throw new SsoError('SSO_STATE_INVALID', 'This connection was started by someone else.');
    }
    try {
      return await inTransaction(this.dataSource, async (manager) => {
        const holder = await manager.findOneBy(EntraConnectionEntity, {
          tenantId: identity.tenantId,
        });
        if (holder && holder.organizationId !== command.organizationId) {
          throw new SsoError('ENTRA_TENANT_TAKEN', TENANT_TAKEN);
        }
        const admin = await manager.findOneByOrFail(OrganizationAdminEntity, {
          id: command.adminId,
        });
        const connection: EntraConnectionEntity = {
          organizationId: command.organizationId,
          tenantId: identity.tenantId,
          connectedByAdminId: admin.id,
          connectedByEmail: admin.email,
          connectedAt: new Date(),
        };
        await manager.delete(EntraConnectionEntity, { organizationId: command.organizationId });
        await manager.insert(EntraConnectionEntity, connection);
        return connection;
      });
    } catch (error) {
      // Two orgs connecting one tenant at once: the unique index lets only one win.
      if (isUniqueViolation(error)) throw new SsoError('ENTRA_TENANT_TAKEN', TENANT_TAKEN);
      throw error;
    }
  }
}
