import { Injectable } from '@nestjs/common';
import { Transactions } from '@rollcall/db';
import type { VersionPrecondition } from '@rollcall/scim-core';
import { normalizeGroupInput } from '../domain/group-document';
import { normalizedTeamName, type Team } from '../domain/team';
import {
  TeamsError,
  teamNameTaken,
  teamNotFound,
  teamVersionMismatch,
} from '../domain/teams.error';
import { TypeOrmTeamStore } from '../persistence/typeorm-team.store';
import { TeamRename } from './team-rename';
import { TeamMembership } from './team-membership';

/**
 * SCIM PUT /Groups/{id}: name, externalId and the exact member set (absent = none). A
 * precondition (If-Match) is checked against the row as locked for the write.
 */
@Injectable()
export class ReplaceGroup {
  constructor(
    private readonly transactions: Transactions,
    private readonly teams: TypeOrmTeamStore,
    private readonly membership: TeamMembership,
    private readonly rename: TeamRename,
  ) {}

  async execute(
    organizationId: string,
    id: string,
    body: unknown,
    actor: string,
    precondition?: VersionPrecondition,
  ): Promise<Team> {
    const sentId = (body as { id?: unknown } | null)?.id;
    if (sentId !== undefined && sentId !== id) {
      throw new TeamsError('TEAM_ID_IMMUTABLE', 'id is immutable and must match the URL.');
    }
    const input = normalizeGroupInput(body);
    return this.transactions.run(async (tx) => {
      const before = await this.teams.findLive(organizationId, id, tx);
      if (!before) throw teamNotFound(id);
      if (precondition && !precondition(before.version)) throw teamVersionMismatch(id);
      if (await this.teams.nameTaken(tx, organizationId, normalizedTeamName(input.name), id)) {
        throw teamNameTaken(input.name);
      }
      const now = new Date();
      const after: Team = {
        ...before,
        name: input.name,
        externalId: input.externalId,
        version: before.version + 1,
        updatedAt: now,
      };
      const roles = await this.rename.renamed(tx, before, after, actor);
      await this.teams.update(tx, before, after, actor, roles);
      await this.membership.set(tx, after, input.memberIds ?? [], now, actor);
      return after;
    });
  }
}
