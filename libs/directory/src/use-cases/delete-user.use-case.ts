import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { appendEvents, inTransaction } from '@rollcall/db';
import { userEvent } from '../domain/user-events';
import { TypeOrmUserStore } from '../persistence/typeorm-user.store';
import { toDirectoryUser } from '../persistence/user.mapper';
import { userNotFound } from './get-user.use-case';
import { UserChangeHooks } from './user-change.hooks';

/**
 * SCIM DELETE /Users/{id}: the user and their memberships go; their teams' resources stay.
 * The memberships are removed by the teams feature (a hook, with a `team.member_removed`
 * event each) before the row goes, not silently by the foreign key's cascade.
 */
@Injectable()
export class DeleteUser {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: TypeOrmUserStore,
    private readonly hooks: UserChangeHooks,
  ) {}

  async execute(organizationId: string, id: string, actor: string): Promise<void> {
    await inTransaction(this.dataSource, async (manager) => {
      await this.hooks.deleting(manager, { organizationId, userId: id, actor });
      // An unknown id rolls the transaction back, memberships included (there were none).
      const deleted = await this.users.deleteReturning(manager, organizationId, id);
      if (!deleted) throw userNotFound(id);
      appendEvents(manager, [userEvent('user.deleted', toDirectoryUser(deleted), actor)]);
    });
  }
}
