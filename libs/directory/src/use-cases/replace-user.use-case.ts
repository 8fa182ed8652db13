import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { appendEvents, inTransaction } from '@rollcall/db';
import { jsonEqual } from '@rollcall/scim-core';
import { DirectoryError } from '../domain/directory.error';
import type { DirectoryUser } from '../domain/directory-user';
import { normalizeUserInput } from '../domain/user-document';
import { userChangeEvents } from '../domain/user-events';
import { TypeOrmUserStore, userNameTaken } from '../persistence/typeorm-user.store';
import { toDirectoryUser, userRow } from '../persistence/user.mapper';
import { userNotFound } from './get-user.use-case';
import { UserChangeHooks } from './user-change.hooks';

/** SCIM PUT /Users/{id}: the body replaces every attribute the client can write. */
@Injectable()
export class ReplaceUser {
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
    const sentId = (body as { id?: unknown } | null)?.id;
    if (sentId !== undefined && sentId !== id) {
      throw new DirectoryError('USER_ID_IMMUTABLE', 'id is immutable and must match the URL.');
    }
    const document = normalizeUserInput(body);
    return inTransaction(this.dataSource, async (manager) => {
      const existing = await this.users.findForUpdate(manager, organizationId, id);
      if (!existing) throw userNotFound(id);
      // Okta and Entra re-send unchanged users whole: nothing is written, no event is told.
      if (jsonEqual(document, existing.resource)) return toDirectoryUser(existing);
      const row = userRow(document, new Date(), existing);
      if (await this.users.userNameTaken(manager, organizationId, row.userNameNormalized, id)) {
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
