import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AdminIdentityStore, type AdminIdentityLink } from '../persistence/admin-identity.store';

export type { AdminIdentityLink };

/** The sign-in accounts the admin linked (at most one per provider). */
@Injectable()
export class GetAdminAccountLinks {
  constructor(
    private readonly dataSource: DataSource,
    private readonly adminIdentities: AdminIdentityStore,
  ) {}

  execute(adminId: string): Promise<AdminIdentityLink[]> {
    return this.adminIdentities.linksOf(this.dataSource.manager, adminId);
  }
}
