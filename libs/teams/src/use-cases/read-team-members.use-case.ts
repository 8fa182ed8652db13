import { Injectable } from '@nestjs/common';
import { UserLookup, type UserSummary } from '@rollcall/directory';
import type { TeamMember } from '../domain/team';
import { TeamMemberStore } from '../persistence/team-member.store';

/**
 * Member ids read per statement. A group of up to this many members is two statements, its
 * ids and one `UserLookup` call for their names and states, however it is then rendered.
 */
const READ_PAGE = 10_000;

/** Team members for rendering: streamed in chunks for one team, batched for a page of teams. */
@Injectable()
export class ReadTeamMembers {
  constructor(
    private readonly members: TeamMemberStore,
    private readonly users: UserLookup,
  ) {}

  /** Every member in id order, in chunks of `size` (a response written piece by piece). */
  async *chunks(organizationId: string, teamId: string, size = 1000): AsyncGenerator<TeamMember[]> {
    for await (const ids of this.members.memberIdPages(teamId, READ_PAGE)) {
      const users = await this.users.summaries(organizationId, ids);
      for (let i = 0; i < ids.length; i += size) {
        yield membersOf(ids.slice(i, i + size), users);
      }
    }
  }

  /** The first `limit` members in id order (a detail page's preview). */
  async first(organizationId: string, teamId: string, limit: number): Promise<TeamMember[]> {
    const pages = this.members.memberIdPages(teamId, limit);
    const page = await pages.next();
    await pages.return(undefined);
    if (page.done) return [];
    return membersOf(page.value, await this.users.summaries(organizationId, page.value));
  }

  async ofTeams(
    organizationId: string,
    teamIds: readonly string[],
  ): Promise<Map<string, TeamMember[]>> {
    const byTeam = await this.members.memberIdsOf(teamIds);
    const ids = new Set([...byTeam.values()].flat());
    const users = await this.users.summaries(organizationId, [...ids]);
    return new Map([...byTeam].map(([teamId, members]) => [teamId, membersOf(members, users)]));
  }
}

/** Members in id order; a membership whose user is not (any more) in the directory is left out. */
function membersOf(ids: readonly string[], users: ReadonlyMap<string, UserSummary>): TeamMember[] {
  return ids.flatMap((id) => {
    const user = users.get(id);
    return user
      ? [
          {
            userId: id,
            userName: user.userName,
            displayName: user.displayName,
            active: user.active,
          },
        ]
      : [];
  });
}
