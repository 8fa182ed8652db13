import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { appendEvents, inTransaction } from '@rollcall/db';
import type { DirectoryUser, UserSource } from '../domain/directory-user';
import { normalizeUserInput } from '../domain/user-document';
import { userEvent } from '../domain/user-events';
import { TypeOrmUserStore } from '../persistence/typeorm-user.store';
import { toDirectoryUser, userRow } from '../persistence/user.mapper';
import { UserChangeHooks } from './user-change.hooks';

/** SCIM POST /Users (and just-in-time creation at SSO sign-in): a new member of the organization. */
@Injectable()
export class ProvisionUser {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: TypeOrmUserStore,
    private readonly hooks: UserChangeHooks,
  ) {}

  async execute(
    organizationId: string,
    body: unknown,
    actor: string,
    source: UserSource = 'scim',
  ): Promise<DirectoryUser> {
    const row = userRow(normalizeUserInput(body), new Date(), {
      id: randomUUID(),
      organizationId,
      source,
    });
    return inTransaction(this.dataSource, async (manager) => {
      // A taken userName is the unique index's answer (409 uniqueness), with no look-up first.
      await this.users.insert(manager, row);
      const user = toDirectoryUser(row);
      appendEvents(manager, [userEvent('user.created', user, actor)]);
      await this.hooks.run(manager, { before: null, after: user, actor });
      return user;
    });
  }
}
