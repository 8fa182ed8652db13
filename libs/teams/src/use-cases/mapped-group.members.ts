import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TypeOrmTeamStore } from '../persistence/typeorm-team.store';
import { EffectiveRoleChanges } from './effective-role.changes';

/** Setting or removing a group's role mapping moves the roles of that group's members. */
@Injectable()
export class MappedGroupMembers {
  constructor(
    private readonly teams: TypeOrmTeamStore,
    private readonly roleChanges: EffectiveRoleChanges,
  ) {}

  async tracking<T>(
    manager: EntityManager,
    organizationId: string,
    groupNameNormalized: string,
    actor: string,
    change: () => Promise<T>,
  ): Promise<T> {
    const teamId = await this.teams.liveTeamNamed(manager, organizationId, groupNameNormalized);
    const members = teamId ? await this.teams.memberIds(manager, teamId) : [];
    return this.roleChanges.track(manager, organizationId, members, actor, change);
  }
}
