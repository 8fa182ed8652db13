import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { inTransaction } from '@rollcall/db';
import { AdminSessionEntity } from '../persistence/admin-session.entity';

/** Sign-out: the session stops working on every replica at once. */
@Injectable()
export class RevokeAdminSession {
  constructor(private readonly dataSource: DataSource) {}

  execute(sessionId: string): Promise<void> {
    return inTransaction(this.dataSource, async (manager) => {
      await manager.update(
        AdminSessionEntity,
        { id: sessionId, revokedAt: IsNull() },
        { revokedAt: new Date() },
      );
    });
  }
}
