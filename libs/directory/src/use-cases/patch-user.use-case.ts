import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { appendEvents, inTransaction } from '@rollcall/db';
import {
  USER_RESOURCE_SCHEMAS,
  applyPatch,
  jsonEqual,
  parsePatchRequest,
} from '@rollcall/scim-core';
import type { DirectoryUser } from '../domain/directory-user';
import { userChangeEvents } from '../domain/user-events';
import { TypeOrmUserStore, userNameTaken } from '../persistence/typeorm-user.store';
import { toDirectoryUser, userRow } from '../persistence/user.mapper';
import { userNotFound } from './get-user.use-case';
import { UserChangeHooks } from './user-change.hooks';

/**
 * SCIM PATCH /Users/{id}: every operation applies to the stored document in one
 * transaction, or none does. A PATCH that changes nothing writes nothing.
 */
@Injectable()
export class PatchUser {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: TypeOrmUserStore,
    private readonly hooks: UserChangeHooks,
  ) {}

  async execute(
    organizationId: string,
    id: string,
    body: unknown,
    actor: string,
  ): Promise<DirectoryUser> {
    const operations = parsePatchRequest(body);
    return inTransaction(this.dataSource, async (manager) => {
      const existing = await this.users.findForUpdate(manager, organizationId, id);
      if (!existing) throw userNotFound(id);
      const document = applyPatch(existing.resource, operations, USER_RESOURCE_SCHEMAS);
      if (jsonEqual(document, existing.resource)) return toDirectoryUser(existing);
      const row = userRow(document, new Date(), existing);
      if (
        row.userNameNormalized !== existing.userNameNormalized &&
        (await this.users.userNameTaken(manager, organizationId, row.userNameNormalized, id))
      ) {
        throw userNameTaken(row.userName);
      }
      await this.users.update(manager, row);
      const [before, after] = [toDirectoryUser(existing), toDirectoryUser(row)];
      appendEvents(manager, userChangeEvents(before, after, actor));
      await this.hooks.run(manager, { before, after, actor });
      return after;
    });
  }
}
