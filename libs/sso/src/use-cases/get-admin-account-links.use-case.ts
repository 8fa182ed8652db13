import { Injectable } from '@nestjs/common';
import type { AdminIdentityLink } from '../domain/admin-identity';
import { AdminIdentityStore } from '../persistence/admin-identity.store';

export type { AdminIdentityLink };

/** The sign-in accounts the admin linked (at most one per provider). */
@Injectable()
export class GetAdminAccountLinks {
  constructor(private readonly adminIdentities: AdminIdentityStore) {}

  execute(adminId: string): Promise<AdminIdentityLink[]> {
    return this.adminIdentities.linksOf(undefined, adminId);
  }
}
