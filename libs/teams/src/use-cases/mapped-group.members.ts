import { Injectable } from '@nestjs/common';
import type { Tx } from '@rollcall/db';
import type { RoleWatch } from '../domain/role-watch';
import { TeamMemberStore } from '../persistence/team-member.store';
import { TypeOrmTeamStore } from '../persistence/typeorm-team.store';
import { EffectiveRoleChanges } from './effective-role.changes';

/** Setting or removing a group's role mapping moves the roles of that group's members. */
@Injectable()
export class MappedGroupMembers {
  constructor(
    private readonly teams: TypeOrmTeamStore,
    private readonly members: TeamMemberStore,
    private readonly roleChanges: EffectiveRoleChanges,
  ) {}

  /** The roles of the members of the live team of this name, watched before the mapping changes. */
  async watch(
    tx: Tx,
    organizationId: string,
    groupNameNormalized: string,
    actor: string,
  ): Promise<RoleWatch | undefined> {
    const teamId = await this.teams.liveTeamNamed(tx, organizationId, groupNameNormalized);
    const members = teamId ? await this.members.memberIds(tx, teamId) : [];
    return this.roleChanges.watch(tx, organizationId, members, actor);
  }
}
