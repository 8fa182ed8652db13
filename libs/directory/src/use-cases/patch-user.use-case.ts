import { Injectable } from '@nestjs/common';
import { Transactions } from '@rollcall/db';
import {
  USER_RESOURCE_SCHEMAS,
  applyPatch,
  jsonEqual,
  parsePatchRequest,
  type VersionPrecondition,
} from '@rollcall/scim-core';
import { userNameTaken, userVersionMismatch } from '../domain/directory.error';
import type { DirectoryUser } from '../domain/directory-user';
import { normalizedUserName } from '../domain/user-document';
import { changedUser } from '../domain/user-version';
import { TypeOrmUserStore } from '../persistence/typeorm-user.store';
import { userNotFound } from './get-user.use-case';
import { UserChangeHooks } from './user-change.hooks';

/**
 * SCIM PATCH /Users/{id}: every operation applies to the stored document in one
 * transaction, or none does. A PATCH that changes nothing writes nothing. A precondition
 * (If-Match) is checked against the row as locked for the write, before anything is applied.
 */
@Injectable()
export class PatchUser {
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
    const operations = parsePatchRequest(body);
    return this.transactions.run(async (tx) => {
      const before = await this.users.findForUpdate(tx, organizationId, id);
      if (!before) throw userNotFound(id);
      if (precondition && !precondition(before.version)) throw userVersionMismatch(id);
      const document = applyPatch(before.document, operations, USER_RESOURCE_SCHEMAS);
      if (jsonEqual(document, before.document)) return before;
      const after = changedUser(before, document, new Date());
      if (
        normalizedUserName(after.userName) !== normalizedUserName(before.userName) &&
        (await this.users.userNameTaken(tx, organizationId, after.userName, id))
      ) {
        throw userNameTaken(after.userName);
      }
      await this.users.update(tx, before, after, actor);
      await this.hooks.run(tx, { before, after, actor });
      return after;
    });
  }
}
