import type { NewEvent } from '@rollcall/db';

/**
 * Effective roles of some users, read before a write that can move them. Once the write is
 * made, `moved` reads them again and answers one `user.role_changed` per user whose role
 * moved. The store that makes the write appends those events before its own, so the outbox
 * tells the role changes first, as it always has.
 */
export interface RoleWatch {
  moved(): Promise<NewEvent[]>;
}

/** The role changes a write made, none when nothing was watched. */
export function movedRoles(watch: RoleWatch | undefined): Promise<NewEvent[]> {
  return watch ? watch.moved() : Promise.resolve([]);
}
