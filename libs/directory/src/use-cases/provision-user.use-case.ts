import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Transactions } from '@rollcall/db';
import type { DirectoryUser, UserSource } from '../domain/directory-user';
import { normalizeUserInput } from '../domain/user-document';
import { createdUser } from '../domain/user-version';
import { TypeOrmUserStore } from '../persistence/typeorm-user.store';
import { UserChangeHooks } from './user-change.hooks';

/** SCIM POST /Users (and just-in-time creation at SSO sign-in): a new member of the organization. */
@Injectable()
export class ProvisionUser {
  constructor(
    private readonly transactions: Transactions,
    private readonly users: TypeOrmUserStore,
    private readonly hooks: UserChangeHooks,
  ) {}

  async execute(
    organizationId: string,
    body: unknown,
    actor: string,
    source: UserSource = 'scim',
  ): Promise<DirectoryUser> {
    const user = createdUser(normalizeUserInput(body), new Date(), {
      id: randomUUID(),
      organizationId,
      source,
    });
    return this.transactions.run(async (tx) => {
      // A taken userName is the unique index's answer (409 uniqueness), with no look-up first.
      await this.users.insert(tx, user, actor);
      await this.hooks.run(tx, { before: null, after: user, actor });
      return user;
    });
  }
}
