import { Injectable } from '@nestjs/common';
import { Transactions } from '@rollcall/db';
import { jsonEqual, type VersionPrecondition } from '@rollcall/scim-core';
import { DirectoryError, userNameTaken, userVersionMismatch } from '../domain/directory.error';
import type { DirectoryUser } from '../domain/directory-user';
import { normalizeUserInput } from '../domain/user-document';
import { changedUser } from '../domain/user-version';
import { TypeOrmUserStore } from '../persistence/typeorm-user.store';
import { userNotFound } from './get-user.use-case';
import { UserChangeHooks } from './user-change.hooks';

/**
 * SCIM PUT /Users/{id}: the body replaces every attribute the client can write. A precondition
 * (If-Match) is checked against the row as locked for the write.
 */
@Injectable()
export class ReplaceUser {
  constructor(
    private readonly transactions: Transactions,
    private readonly users: TypeOrmUserStore,
    private readonly hooks: UserChangeHooks,
  ) {}

  async execute(
    organizationId: string,
    id: string,
    body: unknown,
    actor: string,
    precondition?: VersionPrecondition,
  ): Promise<DirectoryUser> {
    const sentId = (body as { id?: unknown } | null)?.id;
    if (sentId !== undefined && sentId !== id) {
      throw new DirectoryError('USER_ID_IMMUTABLE', 'id is immutable and must match the URL.');
    }
    const document = normalizeUserInput(body);
    return this.transactions.run(async (tx) => {
      const before = await this.users.findForUpdate(tx, organizationId, id);
      if (!before) throw userNotFound(id);
      if (precondition && !precondition(before.version)) throw userVersionMismatch(id);
      // Okta and Entra re-send unchanged users whole: nothing is written, no event is told.
      if (jsonEqual(document, before.document)) return before;
      const after = changedUser(before, document, new Date());
      if (await this.users.userNameTaken(tx, organizationId, after.userName, id)) {
        throw userNameTaken(after.userName);
      }
      await this.users.update(tx, before, after, actor);
      await this.hooks.run(tx, { before, after, actor });
      return after;
    });
  }
}
