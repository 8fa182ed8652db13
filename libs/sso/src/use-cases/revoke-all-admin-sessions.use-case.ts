import { Injectable } from '@nestjs/common';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { inTransaction } from '@rollcall/db';
import { AdminSessionEntity } from '../persistence/admin-session.entity';

/** Signs an admin out everywhere: after a password change, or when the admin is deactivated. */
@Injectable()
export class RevokeAllAdminSessions {
  constructor(private readonly dataSource: DataSource) {}

  /** How many live sessions were revoked. */
  execute(adminId: string): Promise<number> {
    return inTransaction(this.dataSource, (manager) => this.revokeWithin(manager, adminId));
  }

  /** Inside a caller's transaction, so the revocation commits with the change that caused it. */
  async revokeWithin(manager: EntityManager, adminId: string): Promise<number> {
    const result = await manager.update(
      AdminSessionEntity,
      { adminId, revokedAt: IsNull() },
      { revokedAt: new Date() },
    );
    return result.affected ?? 0;
  }
}
