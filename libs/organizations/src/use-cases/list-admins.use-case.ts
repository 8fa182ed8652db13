import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OrganizationAdminEntity } from '../persistence/organization-admin.entity';

export interface AdminSummary {
  id: string;
  email: string;
  createdAt: Date;
  lastLoginAt: Date | null;
}

/** The admins of one organization, first admin first. */
@Injectable()
export class ListAdmins {
  constructor(private readonly dataSource: DataSource) {}

  async execute(organizationId: string): Promise<AdminSummary[]> {
    const admins = await this.dataSource
      .getRepository(OrganizationAdminEntity)
      .find({ where: { organizationId }, order: { createdAt: 'ASC', id: 'ASC' } });
    return admins.map(({ id, email, createdAt, lastLoginAt }) => ({
      id,
      email,
      createdAt,
      lastLoginAt,
    }));
  }
}
