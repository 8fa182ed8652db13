import { Injectable } from '@nestjs/common';
import type { Tx } from '@rollcall/db';
import type { DirectoryUser } from '../domain/directory-user';

/** A user written in a transaction: created (`before` null) or changed. */
export interface UserChange {
  before: DirectoryUser | null;
  after: DirectoryUser;
  actor: string;
}

/** A user about to be deleted in this transaction (the row is still there). */
export interface UserDeletion {
  organizationId: string;
  userId: string;
  actor: string;
}

export type UserChangeHook = (tx: Tx, change: UserChange) => Promise<void>;
export type UserDeletionHook = (tx: Tx, deletion: UserDeletion) => Promise<void>;

/**
 * Features downhill of the directory (teams) hear of user changes inside the transaction that
 * makes them, so what follows from one — memberships that go with a deleted user, an effective
 * role that changes with `roleName` — is written, with its events, in the same commit. The
 * directory does not know who listens: teams registers itself at start.
 */
@Injectable()
export class UserChangeHooks {
  private readonly changeHooks: UserChangeHook[] = [];
  private readonly deletionHooks: UserDeletionHook[] = [];

  register(hooks: { changed: UserChangeHook; deleting: UserDeletionHook }): void {
    this.changeHooks.push(hooks.changed);
    this.deletionHooks.push(hooks.deleting);
  }

  async run(tx: Tx, change: UserChange): Promise<void> {
    for (const hook of this.changeHooks) await hook(tx, change);
  }

  /** Before the row goes: what hangs on the user is removed, with its events, first. */
  async deleting(tx: Tx, deletion: UserDeletion): Promise<void> {
    for (const hook of this.deletionHooks) await hook(tx, deletion);
  }
}
