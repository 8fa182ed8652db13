import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { inTransaction } from '@rollcall/db';
import { normalizeGroupInput } from '../domain/group-document';
import type { Team } from '../domain/team';
import { TeamsError } from '../domain/teams.error';
import { toTeam } from '../persistence/team.mapper';
import { TypeOrmTeamStore, teamNameTaken, teamNotFound } from '../persistence/typeorm-team.store';

/** SCIM PUT /Groups/{id}: name, externalId and the exact member set (absent = none). */
@Injectable()
export class ReplaceGroup {
  constructor(
    private readonly dataSource: DataSource,
    private readonly teams: TypeOrmTeamStore,
  ) {}

  async execute(organizationId: string, id: string, body: unknown): Promise<Team> {
    const sentId = (body as { id?: unknown } | null)?.id;
    if (sentId !== undefined && sentId !== id) {
      throw new TeamsError('TEAM_ID_IMMUTABLE', 'id is immutable and must match the URL.');
    }
    const input = normalizeGroupInput(body);
    return inTransaction(this.dataSource, async (manager) => {
      const team = await this.teams.findLive(organizationId, id, manager);
      if (!team) throw teamNotFound(id);
      const nameNormalized = input.name.toLowerCase();
      if (await this.teams.nameTaken(manager, organizationId, nameNormalized, id)) {
        throw teamNameTaken(input.name);
      }
      const memberIds = input.memberIds ?? [];
      await this.teams.assertUsersInOrganization(manager, organizationId, memberIds);
      const now = new Date();
      await this.teams.removeAllMembers(manager, id);
      await this.teams.addMembers(manager, id, memberIds, now);
      Object.assign(team, {
        name: input.name,
        nameNormalized,
        externalId: input.externalId,
        version: team.version + 1,
        updatedAt: now,
      });
      await this.teams.save(manager, team, false);
      return toTeam(team);
    });
  }
}
