import { Injectable } from '@nestjs/common';
import type { Tx } from '@rollcall/db';
import { UserLookup } from '@rollcall/directory';
import type { RoleWatch } from '../domain/role-watch';
import { normalizedTeamName, type Team } from '../domain/team';
import { TeamsError } from '../domain/teams.error';
import { TeamMemberStore } from '../persistence/team-member.store';
import { EffectiveRoleChanges } from './effective-role.changes';

/**
 * Membership changes of one team inside a transaction. The store tells one
 * `team.member_added`/`team.member_removed` per member whose membership actually changed
 * (adding a member twice or removing a non-member tells nothing), and `user.role_changed`
 * for the members whose role moved when the team's name is mapped to a role.
 */
@Injectable()
export class TeamMembership {
  constructor(
    private readonly members: TeamMemberStore,
    private readonly users: UserLookup,
    private readonly roleChanges: EffectiveRoleChanges,
  ) {}

  async add(
    tx: Tx,
    team: Team,
    userIds: readonly string[],
    now: Date,
    actor: string,
  ): Promise<void> {
    if (userIds.length === 0) return;
    const names = await this.usersInOrganization(tx, team.organizationId, userIds);
    const roles = await this.watchRoles(tx, team, [...names.keys()], actor);
    await this.members.add(tx, team, userIds, names, now, actor, roles);
  }

  async remove(tx: Tx, team: Team, userIds: readonly string[], actor: string): Promise<void> {
    if (userIds.length === 0) return;
    const roles = await this.watchRoles(tx, team, userIds, actor);
    await this.members.remove(tx, team, userIds, actor, roles);
  }

  /** The members become exactly `userIds`: only the difference is written and told. */
  async set(
    tx: Tx,
    team: Team,
    userIds: readonly string[],
    now: Date,
    actor: string,
  ): Promise<void> {
    const wanted = new Set(userIds);
    const current = await this.members.memberIds(tx, team.id);
    await this.remove(
      tx,
      team,
      current.filter((id) => !wanted.has(id)),
      actor,
    );
    await this.add(tx, team, [...wanted], now, actor);
  }

  async removeAll(tx: Tx, team: Team, actor: string): Promise<void> {
    await this.remove(tx, team, await this.members.memberIds(tx, team.id), actor);
  }

  /**
   * Every id must be a user of this organization: another org's user is not found here.
   * Returns their userNames by id (what membership events tell).
   */
  private async usersInOrganization(
    tx: Tx,
    organizationId: string,
    userIds: readonly string[],
  ): Promise<Map<string, string>> {
    const users = await this.users.summaries(organizationId, userIds, tx);
    const missing = [...new Set(userIds)].filter((id) => !users.has(id));
    if (missing.length > 0) {
      const listed = missing
        .slice(0, 5)
        .map((id) => `"${id}"`)
        .join(', ');
      const more = missing.length > 5 ? ` (and ${missing.length - 5} more)` : '';
      throw new TeamsError(
        'MEMBER_NOT_IN_ORGANIZATION',
        `No user with id ${listed}${more} in this organization.`,
      );
    }
    return new Map([...users].map(([id, user]) => [id, user.userName]));
  }

  private async watchRoles(
    tx: Tx,
    team: Team,
    userIds: readonly string[],
    actor: string,
  ): Promise<RoleWatch | undefined> {
    const mapped = await this.roleChanges.isMapped(
      tx,
      team.organizationId,
      normalizedTeamName(team.name),
    );
    return mapped ? this.roleChanges.watch(tx, team.organizationId, userIds, actor) : undefined;
  }
}
