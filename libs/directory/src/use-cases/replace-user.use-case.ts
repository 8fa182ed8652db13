import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { inTransaction } from '@rollcall/db';
import { DirectoryError } from '../domain/directory.error';
import type { DirectoryUser } from '../domain/directory-user';
import { normalizeUserInput } from '../domain/user-document';
import { TypeOrmUserStore, userNameTaken } from '../persistence/typeorm-user.store';
import { toDirectoryUser, userRow } from '../persistence/user.mapper';
import { userNotFound } from './get-user.use-case';

/** SCIM PUT /Users/{id}: the body replaces every attribute the client can write. */
@Injectable()
export class ReplaceUser {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: TypeOrmUserStore,
  ) {}

  async execute(organizationId: string, id: string, body: unknown): Promise<DirectoryUser> {
    const sentId = (body as { id?: unknown } | null)?.id;
    if (sentId !== undefined && sentId !== id) {
      throw new DirectoryError('USER_ID_IMMUTABLE', 'id is immutable and must match the URL.');
    }
    const document = normalizeUserInput(body);
    return inTransaction(this.dataSource, async (manager) => {
      const existing = await this.users.findForUpdate(manager, organizationId, id);
      if (!existing) throw userNotFound(id);
      const row = userRow(document, new Date(), existing);
      if (await this.users.userNameTaken(manager, organizationId, row.userNameNormalized, id)) {
        throw userNameTaken(row.userName);
      }
      await this.users.update(manager, row);
      return toDirectoryUser(row);
    });
  }
}
