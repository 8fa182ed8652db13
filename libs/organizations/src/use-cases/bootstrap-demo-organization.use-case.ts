import { Injectable } from '@nestjs/common';
import { Transactions } from '@rollcall/db';
import { chosenOrRandomAdminPassword } from '../domain/admin-password';
import { OrganizationError } from '../domain/organization.error';
import { hashPassword } from '../domain/password.hasher';
import { AdminLookup } from '../persistence/admin.lookup';
import { OrganizationAdminStore } from '../persistence/organization-admin.store';
import { OrganizationLookup } from '../persistence/organization.lookup';
import { OrganizationStore } from '../persistence/organization.store';
import { ScimTokenStore } from '../persistence/scim-token.store';
import { CreateOrganization, type CreatedOrganization } from './create-organization.use-case';
import { CreateScimToken, type IssuedScimToken } from './create-scim-token.use-case';

export const DEMO_ORGANIZATION_NAME = 'Demo';
export const DEMO_ADMIN_EMAIL = 'admin@demo.rollcall.local';

export interface DemoCredentials extends CreatedOrganization {
  /** False on the start that created the organization; true when the credentials were reissued. */
  reissued: boolean;
  /** True when a Secret Token already in use was kept (it is not shown again). */
  scimTokenInUse: boolean;
}

@Injectable()
export class BootstrapDemoOrganization {
  constructor(
    private readonly transactions: Transactions,
    private readonly organizations: OrganizationLookup,
    private readonly organizationStore: OrganizationStore,
    private readonly admins: AdminLookup,
    private readonly adminStore: OrganizationAdminStore,
    private readonly tokens: ScimTokenStore,
    private readonly createOrganization: CreateOrganization,
    private readonly createScimToken: CreateScimToken,
  ) {}

  /**
   * The first start's credentials, for as long as they are needed: on an empty database the
   * demo organization is created; on later starts, while no admin has ever signed in, its
   * admin password (and a Secret Token nobody has used yet) are issued anew, so a first start
   * that failed, or whose output scrolled away, never locks the operator out. Once any admin
   * has signed in, null: passwords are then reset with `admin:reset-password`.
   */
  async execute(): Promise<DemoCredentials | null> {
    if ((await this.organizationStore.count()) === 0) {
      try {
        const created = await this.createOrganization.execute({
          name: DEMO_ORGANIZATION_NAME,
          adminEmail: DEMO_ADMIN_EMAIL,
          enableScim: true,
        });
        return { ...created, reissued: false, scimTokenInUse: false };
      } catch (error) {
        // Another replica starting at the same moment created it first.
        if ((await this.organizationStore.count()) > 0) return null;
        throw error;
      }
    }
    return this.reissue();
  }

  private async reissue(): Promise<DemoCredentials | null> {
    if (await this.adminStore.anySignedIn()) return null;
    const demoAdmin = await this.admins.findByEmail(DEMO_ADMIN_EMAIL);
    if (!demoAdmin) return null;
    const adminPassword = chosenOrRandomAdminPassword();
    const passwordHash = await hashPassword(adminPassword);
    return this.transactions.run(async (tx) => {
      const organization = await this.organizations.find(demoAdmin.organizationId, tx);
      if (!organization) {
        throw new OrganizationError('ORGANIZATION_NOT_FOUND', 'No such organization.');
      }
      await this.adminStore.setPasswordHash(tx, demoAdmin.id, passwordHash);
      const live = await this.tokens.listLive(tx, organization.id);
      // A token Entra already uses stays: replacing it would break provisioning.
      const inUse = live.some((token) => token.lastUsedAt !== null);
      let scimToken: IssuedScimToken | null = null;
      if (organization.scimEnabled && !inUse) {
        await this.tokens.revokeUnused(
          tx,
          live.map((token) => token.id),
          new Date(),
        );
        scimToken = await this.createScimToken.issueWithin(
          tx,
          organization.id,
          'system:demo-setup',
        );
      }
      return {
        organization,
        adminEmail: demoAdmin.email,
        adminPassword,
        scimToken,
        reissued: true,
        scimTokenInUse: inUse,
      };
    });
  }
}
