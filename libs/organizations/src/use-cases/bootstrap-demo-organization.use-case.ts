import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OrganizationEntity } from '../persistence/organization.entity';
import { CreateOrganization, type CreatedOrganization } from './create-organization.use-case';

export const DEMO_ORGANIZATION_NAME = 'Demo';
export const DEMO_ADMIN_EMAIL = 'admin@demo.rollcall.local';

@Injectable()
export class BootstrapDemoOrganization {
  constructor(
    private readonly dataSource: DataSource,
    private readonly createOrganization: CreateOrganization,
  ) {}

  /**
   * On a database without organizations, creates the demo one with provisioning on and
   * returns its credentials (the only time they are known); otherwise returns null.
   */
  async execute(): Promise<CreatedOrganization | null> {
    if ((await this.dataSource.getRepository(OrganizationEntity).count()) > 0) return null;
    try {
      return await this.createOrganization.execute({
        name: DEMO_ORGANIZATION_NAME,
        adminEmail: DEMO_ADMIN_EMAIL,
        enableScim: true,
      });
    } catch (error) {
      // Another replica starting at the same moment created it first.
      if ((await this.dataSource.getRepository(OrganizationEntity).count()) > 0) return null;
      throw error;
    }
  }
}
