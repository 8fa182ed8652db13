import { Injectable } from '@nestjs/common';
import { Transactions } from '@rollcall/db';
import type { VersionPrecondition } from '@rollcall/scim-core';
import { userVersionMismatch } from '../domain/directory.error';
import { TypeOrmUserStore } from '../persistence/typeorm-user.store';
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
    private readonly transactions: Transactions,
    private readonly users: TypeOrmUserStore,
    private readonly hooks: UserChangeHooks,
  ) {}

  async execute(
    organizationId: string,
    id: string,
    actor: string,
    precondition?: VersionPrecondition,
  ): Promise<void> {
    await this.transactions.run(async (tx) => {
      if (precondition) {
        // If-Match: the row is locked before the check, so no write slips in between.
        const current = await this.users.findForUpdate(tx, organizationId, id);
        if (!current) throw userNotFound(id);
        if (!precondition(current.version)) throw userVersionMismatch(id);
      }
      await this.hooks.deleting(tx, { organizationId, userId: id, actor });
      // An unknown id rolls the transaction back, memberships included (there were none).
      const deleted = await this.users.delete(tx, organizationId, id, actor);
      if (!deleted) throw userNotFound(id);
    });
  }
}
