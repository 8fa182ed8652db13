import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { inTransaction } from '@rollcall/db';
import { TypeOrmUserStore } from '../persistence/typeorm-user.store';
import { userNotFound } from './get-user.use-case';

/** SCIM DELETE /Users/{id}: the user and their memberships go; their teams' resources stay. */
@Injectable()
export class DeleteUser {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: TypeOrmUserStore,
  ) {}

  async execute(organizationId: string, id: string): Promise<void> {
    const deleted = await inTransaction(this.dataSource, (manager) =>
      this.users.delete(manager, organizationId, id),
    );
    if (!deleted) throw userNotFound(id);
  }
}
