import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { appendEvents } from '@rollcall/db';
import { memberEvents } from '../domain/team-events';
import type { Team } from '../domain/team';
import { TypeOrmTeamStore } from '../persistence/typeorm-team.store';
import { EffectiveRoleChanges } from './effective-role.changes';

/**
 * Membership changes of one team inside a transaction, with their events: one
 * `team.member_added`/`team.member_removed` per member whose membership actually changed
 * (adding a member twice or removing a non-member tells nothing), and `user.role_changed`
 * for the members whose role moved when the team's name is mapped to a role.
 */
@Injectable()
export class TeamMembership {
  constructor(
    private readonly teams: TypeOrmTeamStore,
    private readonly roleChanges: EffectiveRoleChanges,
  ) {}

  async add(
    manager: EntityManager,
    team: Team,
    userIds: readonly string[],
    now: Date,
    actor: string,
  ): Promise<void> {
    if (userIds.length === 0) return;
    const names = await this.teams.assertUsersInOrganization(manager, team.organizationId, userIds);
    const added = await this.withRoles(manager, team, [...names.keys()], actor, () =>
      this.teams.addMembers(manager, team.id, userIds, now),
    );
    appendEvents(manager, memberEvents('team.member_added', team, added, names, actor));
  }

  async remove(
    manager: EntityManager,
    team: Team,
    userIds: readonly string[],
    actor: string,
  ): Promise<void> {
    if (userIds.length === 0) return;
    const removed = await this.withRoles(manager, team, userIds, actor, () =>
      this.teams.removeMembers(manager, team.id, userIds),
    );
    if (removed.length === 0) return;
    const names = await this.teams.userNames(manager, removed);
    appendEvents(manager, memberEvents('team.member_removed', team, removed, names, actor));
  }

  /** The members become exactly `userIds`: only the difference is written and told. */
  async set(
    manager: EntityManager,
    team: Team,
    userIds: readonly string[],
    now: Date,
    actor: string,
  ): Promise<void> {
    const wanted = new Set(userIds);
    const current = await this.teams.memberIds(manager, team.id);
    await this.remove(
      manager,
      team,
      current.filter((id) => !wanted.has(id)),
      actor,
    );
    await this.add(manager, team, [...wanted], now, actor);
  }

  async removeAll(manager: EntityManager, team: Team, actor: string): Promise<void> {
    await this.remove(manager, team, await this.teams.memberIds(manager, team.id), actor);
  }

  private async withRoles<T>(
    manager: EntityManager,
    team: Team,
    userIds: readonly string[],
    actor: string,
    change: () => Promise<T>,
  ): Promise<T> {
    const mapped = await this.roleChanges.isMapped(
      manager,
      team.organizationId,
      team.name.toLowerCase(),
    );
    return mapped
      ? this.roleChanges.track(manager, team.organizationId, userIds, actor, change)
      : change();
  }
}
