import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { appendEvents, inTransaction } from '@rollcall/db';
import { normalizeGroupInput } from '../domain/group-document';
import type { Team } from '../domain/team';
import { changedTeamAttributes, teamEvent } from '../domain/team-events';
import { TeamsError } from '../domain/teams.error';
import { toTeam } from '../persistence/team.mapper';
import { TypeOrmTeamStore, teamNameTaken, teamNotFound } from '../persistence/typeorm-team.store';
import { TeamRename } from './team-rename';
import { TeamMembership } from './team-membership';

/** SCIM PUT /Groups/{id}: name, externalId and the exact member set (absent = none). */
@Injectable()
export class ReplaceGroup {
  constructor(
    private readonly dataSource: DataSource,
    private readonly teams: TypeOrmTeamStore,
    private readonly membership: TeamMembership,
    private readonly rename: TeamRename,
  ) {}

  async execute(organizationId: string, id: string, body: unknown, actor: string): Promise<Team> {
    const sentId = (body as { id?: unknown } | null)?.id;
    if (sentId !== undefined && sentId !== id) {
      throw new TeamsError('TEAM_ID_IMMUTABLE', 'id is immutable and must match the URL.');
    }
    const input = normalizeGroupInput(body);
    return inTransaction(this.dataSource, async (manager) => {
      const entity = await this.teams.findLive(organizationId, id, manager);
      if (!entity) throw teamNotFound(id);
      const nameNormalized = input.name.toLowerCase();
      if (await this.teams.nameTaken(manager, organizationId, nameNormalized, id)) {
        throw teamNameTaken(input.name);
      }
      const before = toTeam(entity);
      const now = new Date();
      Object.assign(entity, {
        name: input.name,
        nameNormalized,
        externalId: input.externalId,
        version: entity.version + 1,
        updatedAt: now,
      });
      const after = toTeam(entity);
      const changed = changedTeamAttributes(before, after);
      await this.rename.renamed(manager, before, after, actor, () =>
        this.teams.save(manager, entity, false),
      );
      if (changed.length > 0)
        appendEvents(manager, [teamEvent('team.updated', after, actor, { changed })]);
      await this.membership.set(manager, after, input.memberIds ?? [], now, actor);
      return after;
    });
  }
}
