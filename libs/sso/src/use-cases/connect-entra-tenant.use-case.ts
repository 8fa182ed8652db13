import { Injectable } from '@nestjs/common';
import { Transactions, isUniqueViolation } from '@rollcall/db';
import { AdminLookup } from '@rollcall/organizations';
import { holdsTenantAdminRole, tenantAdminRoleNames } from '../domain/entra-admin-roles';
import { SsoError } from '../domain/sso.error';
import { EntraRoundTrip, type EntraCallback } from '../entra/entra-round-trip';
import { microsoftIdentity } from '../entra/microsoft-identity';
import { AdminIdentityStore } from '../persistence/admin-identity.store';
import { EntraConnectionStore } from '../persistence/entra-connection.store';

export interface ConnectEntraTenantCommand extends EntraCallback {
  /** The admin whose session carries the callback: it must be the one who started it. */
  adminId: string;
  organizationId: string;
}

/** What the admin's round trip did: connected the tenant, or linked their own account. */
export type EntraAdminRoundTrip = 'connected' | 'linked';

// Names no organization: which org holds a tenant is nobody else's business.
const TENANT_TAKEN =
  'This Microsoft Entra tenant is already connected to another Rollcall organization. Ask that organization to disconnect it, or your Rollcall operator to release it.';

/**
 * The callback of the admin round trips with Microsoft (one redirect URI for both):
 * "Connect Microsoft Azure" records the org's Entra tenant (`tid`) when the account holds an
 * admin role there, and links that account to the connecting admin; "Link my Microsoft
 * account" links the admin's account of the connected tenant.
 */
@Injectable()
export class ConnectEntraTenant {
  constructor(
    private readonly transactions: Transactions,
    private readonly roundTrip: EntraRoundTrip,
    private readonly connections: EntraConnectionStore,
    private readonly admins: AdminLookup,
    private readonly adminIdentities: AdminIdentityStore,
  ) {}

  async execute(command: ConnectEntraTenantCommand): Promise<EntraAdminRoundTrip> {
    const { authorization, identity } = await this.roundTrip.finish(
      ['connect', 'link_microsoft'],
      command,
    );
    if (
      authorization.adminId !== command.adminId ||
      authorization.organizationId !== command.organizationId
    ) {
      throw new SsoError('SSO_STATE_INVALID', 'This connection was started by someone else.');
    }
    const federated = microsoftIdentity(identity);
    const admin = { id: command.adminId, organizationId: command.organizationId };
    if (authorization.purpose === 'link_microsoft') {
      return this.transactions.run(async (tx) => {
        const connection = await this.connections.find(command.organizationId, tx);
        if (connection?.tenantId !== identity.tenantId) {
          throw new SsoError(
            'SSO_TENANT_NOT_CONNECTED',
            'This Microsoft account is not in the tenant your organization connected.',
          );
        }
        await this.adminIdentities.link(tx, admin, federated);
        return 'linked' as const;
      });
    }
    if (!holdsTenantAdminRole(identity.roleIds)) {
      throw new SsoError(
        'ENTRA_ADMIN_ROLE_REQUIRED',
        `Connecting a Microsoft Entra tenant needs one of these roles in it: ${tenantAdminRoleNames()}.`,
      );
    }
    try {
      return await this.transactions.run(async (tx) => {
        const holder = await this.connections.findByTenant(identity.tenantId, tx);
        if (holder && holder.organizationId !== command.organizationId) {
          throw new SsoError('ENTRA_TENANT_TAKEN', TENANT_TAKEN);
        }
        const connectedBy = await this.admins.find(command.adminId, tx);
        if (!connectedBy) throw new Error(`Admin ${command.adminId} does not exist.`);
        await this.connections.connect(tx, {
          organizationId: command.organizationId,
          tenantId: identity.tenantId,
          connectedBy,
          connectedAt: new Date(),
        });
        // The round trip proved this admin holds the account: Sign in with Microsoft works
        // for them at once, and for no other admin until they link their own.
        await this.adminIdentities.link(tx, admin, federated);
        return 'connected' as const;
      });
    } catch (error) {
      // Two orgs connecting one tenant at once: the unique index lets only one win.
      if (isUniqueViolation(error)) throw new SsoError('ENTRA_TENANT_TAKEN', TENANT_TAKEN);
      throw error;
    }
  }
}
