import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Team } from '../domain/team';
import { TypeOrmTeamStore } from '../persistence/typeorm-team.store';
import { EffectiveRoleChanges } from './effective-role.changes';

/**
 * Role mappings match a group by name, so renaming a team, deleting it or bringing it back
 * can move its members' roles. `apply` runs the write and tells those moves when one of the
 * names involved is mapped (for any other team it costs one look-up per name).
 */
@Injectable()
export class TeamRename {
  constructor(
    private readonly teams: TypeOrmTeamStore,
    private readonly roleChanges: EffectiveRoleChanges,
  ) {}

  /** A rename: only when the name really changes. */
  renamed<T>(
    manager: EntityManager,
    before: Team,
    after: Team,
    actor: string,
    write: () => Promise<T>,
  ): Promise<T> {
    const [was, is] = [before.name.toLowerCase(), after.name.toLowerCase()];
    return was === is ? write() : this.apply(manager, before, [was, is], actor, write);
  }

  /** The team stops or starts counting (deleted, purged, restored). */
  liveness<T>(manager: EntityManager, team: Team, actor: string, write: () => Promise<T>) {
    return this.apply(manager, team, [team.name.toLowerCase()], actor, write);
  }

  private async apply<T>(
    manager: EntityManager,
    team: Team,
    names: string[],
    actor: string,
    write: () => Promise<T>,
  ): Promise<T> {
    if (!(await this.roleChanges.isMapped(manager, team.organizationId, ...names))) return write();
    const members = await this.teams.memberIds(manager, team.id);
    return this.roleChanges.track(manager, team.organizationId, members, actor, write);
  }
}
