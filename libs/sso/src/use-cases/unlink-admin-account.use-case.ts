import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SsoError } from '../domain/sso.error';
import { AdminIdentityStore } from '../persistence/admin-identity.store';

/** The admin's linked account of a provider stops opening their dashboard session. */
@Injectable()
export class UnlinkAdminAccount {
  constructor(
    private readonly dataSource: DataSource,
    private readonly adminIdentities: AdminIdentityStore,
  ) {}

  async execute(adminId: string, provider: 'microsoft' | 'oidc'): Promise<void> {
    if (!(await this.adminIdentities.unlink(this.dataSource.manager, adminId, provider))) {
      throw new SsoError('SSO_LINK_NOT_FOUND', 'No account of this provider is linked to you.');
    }
  }
}
