import { Injectable } from '@nestjs/common';
import { AdminLookup } from '../persistence/admin.lookup';

export interface AdminSummary {
  id: string;
  email: string;
  createdAt: Date;
  lastLoginAt: Date | null;
}

/** The admins of one organization, first admin first. */
@Injectable()
export class ListAdmins {
  constructor(private readonly admins: AdminLookup) {}

  async execute(organizationId: string): Promise<AdminSummary[]> {
    const admins = await this.admins.listOf(organizationId);
    return admins.map(({ id, email, createdAt, lastLoginAt }) => ({
      id,
      email,
      createdAt,
      lastLoginAt,
    }));
  }
}
