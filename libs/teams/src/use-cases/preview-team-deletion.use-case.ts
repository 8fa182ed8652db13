import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OrganizationEntity } from '@rollcall/organizations';
import type { Team, TeamContents } from '../domain/team';
import { toTeam } from '../persistence/team.mapper';
import { TypeOrmTeamStore, teamNotFound } from '../persistence/typeorm-team.store';

export interface TeamDeletionPreview extends TeamContents {
  team: Team;
  /** 0: the delete is immediate and permanent. */
  retentionDays: number;
}

/** What a delete would destroy, for the dashboard's warning before anyone confirms it. */
@Injectable()
export class PreviewTeamDeletion {
  constructor(
    private readonly dataSource: DataSource,
    private readonly teams: TypeOrmTeamStore,
  ) {}

  async execute(organizationId: string, id: string): Promise<TeamDeletionPreview> {
    const row = await this.teams.findLive(organizationId, id);
    if (!row) throw teamNotFound(id);
    const organization = await this.dataSource
      .getRepository(OrganizationEntity)
      .findOneByOrFail({ id: organizationId });
    return {
      team: toTeam(row),
      ...(await this.teams.contents(id)),
      retentionDays: organization.deletedTeamRetentionDays,
    };
  }
}
