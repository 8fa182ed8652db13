import { Injectable } from '@nestjs/common';
import { DataSource, IsNull, Not } from 'typeorm';
import { inTransaction } from '@rollcall/db';
import { chosenOrRandomAdminPassword } from '../domain/admin-password';
import { hashPassword } from '../domain/password.hasher';
import { OrganizationAdminEntity } from '../persistence/organization-admin.entity';
import { OrganizationEntity } from '../persistence/organization.entity';
import { ScimTokenEntity } from '../persistence/scim-token.entity';
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
    private readonly dataSource: DataSource,
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
    const organizations = this.dataSource.getRepository(OrganizationEntity);
    if ((await organizations.count()) === 0) {
      try {
        const created = await this.createOrganization.execute({
          name: DEMO_ORGANIZATION_NAME,
          adminEmail: DEMO_ADMIN_EMAIL,
          enableScim: true,
        });
        return { ...created, reissued: false, scimTokenInUse: false };
      } catch (error) {
        // Another replica starting at the same moment created it first.
        if ((await organizations.count()) > 0) return null;
        throw error;
      }
    }
    return this.reissue();
  }

  private async reissue(): Promise<DemoCredentials | null> {
    const admins = this.dataSource.getRepository(OrganizationAdminEntity);
    if (await admins.exists({ where: { lastLoginAt: Not(IsNull()) } })) return null;
    const demoAdmin = await admins.findOneBy({ emailNormalized: DEMO_ADMIN_EMAIL });
    if (!demoAdmin) return null;
    const adminPassword = chosenOrRandomAdminPassword();
    const passwordHash = await hashPassword(adminPassword);
    return inTransaction(this.dataSource, async (manager) => {
      const organization = await manager.findOneByOrFail(OrganizationEntity, {
        id: demoAdmin.organizationId,
      });
      await manager.update(OrganizationAdminEntity, { id: demoAdmin.id }, { passwordHash });
      const live = await manager.find(ScimTokenEntity, {
        where: { organizationId: organization.id, revokedAt: IsNull() },
      });
      // A token Entra already uses stays: replacing it would break provisioning.
      const inUse = live.some((token) => token.lastUsedAt !== null);
      let scimToken: IssuedScimToken | null = null;
      if (organization.scimEnabled && !inUse) {
        const now = new Date();
        for (const token of live) {
          await manager.update(ScimTokenEntity, { id: token.id }, { revokedAt: now });
        }
        scimToken = await this.createScimToken.issueWithin(
          manager,
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
