import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DirectoryUser } from '../domain/directory-user';

/** A user written in a transaction: created (`before` null), changed, or about to be deleted. */
export interface UserChange {
  before: DirectoryUser | null;
  /** null: the user is about to be deleted (the row is still there). */
  after: DirectoryUser | null;
  actor: string;
}

export type UserChangeHook = (manager: EntityManager, change: UserChange) => Promise<void>;

/**
 * Features downhill of the directory (teams) hear of user changes inside the transaction that
 * makes them, so what follows from one — memberships that go with a deleted user, an effective
 * role that changes with `roleName` — is written, with its events, in the same commit. The
 * directory does not know who listens: teams registers itself at start.
 */
@Injectable()
export class UserChangeHooks {
  private readonly hooks: UserChangeHook[] = [];

  register(hook: UserChangeHook): void {
    this.hooks.push(hook);
  }

  async run(manager: EntityManager, change: UserChange): Promise<void> {
    for (const hook of this.hooks) await hook(manager, change);
  }
}
