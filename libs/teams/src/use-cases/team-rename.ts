import { Injectable } from '@nestjs/common';
import type { Tx } from '@rollcall/db';
import type { RoleWatch } from '../domain/role-watch';
import { normalizedTeamName, type Team } from '../domain/team';
import { TeamMemberStore } from '../persistence/team-member.store';
import { EffectiveRoleChanges } from './effective-role.changes';

/**
 * Role mappings match a group by name, so renaming a team, deleting it or bringing it back
 * can move its members' roles. Before such a write, these watch the members' roles when one
 * of the names involved is mapped (for any other team it costs one look-up per name); the
 * store making the write tells the moves.
 */
@Injectable()
export class TeamRename {
  constructor(
    private readonly members: TeamMemberStore,
    private readonly roleChanges: EffectiveRoleChanges,
  ) {}

  /** A rename: only when the name really changes. */
  renamed(tx: Tx, before: Team, after: Team, actor: string): Promise<RoleWatch | undefined> {
    const [was, is] = [normalizedTeamName(before.name), normalizedTeamName(after.name)];
    return was === is ? Promise.resolve(undefined) : this.watch(tx, before, [was, is], actor);
  }

  /** The team stops or starts counting (deleted, purged, restored). */
  liveness(tx: Tx, team: Team, actor: string): Promise<RoleWatch | undefined> {
    return this.watch(tx, team, [normalizedTeamName(team.name)], actor);
  }

  private async watch(
    tx: Tx,
    team: Team,
    names: string[],
    actor: string,
  ): Promise<RoleWatch | undefined> {
    if (!(await this.roleChanges.isMapped(tx, team.organizationId, ...names))) return undefined;
    const members = await this.members.memberIds(tx, team.id);
    return this.roleChanges.watch(tx, team.organizationId, members, actor);
  }
}
