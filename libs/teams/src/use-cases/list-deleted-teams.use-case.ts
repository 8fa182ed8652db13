import { Injectable } from '@nestjs/common';
import { DataSource, IsNull, Not } from 'typeorm';
import type { Team, TeamContents } from '../domain/team';
import { TeamEntity } from '../persistence/team.entity';
import { toTeam } from '../persistence/team.mapper';
import { TypeOrmTeamStore } from '../persistence/typeorm-team.store';

export interface DeletedTeam extends TeamContents {
  team: Team;
}

/** Teams pending deletion, newest first, with what each still holds. */
@Injectable()
export class ListDeletedTeams {
  constructor(
    private readonly dataSource: DataSource,
    private readonly teams: TypeOrmTeamStore,
  ) {}

  async execute(organizationId: string): Promise<DeletedTeam[]> {
    const rows = await this.dataSource.getRepository(TeamEntity).find({
      where: { organizationId, deletedAt: Not(IsNull()) },
      order: { deletedAt: 'DESC' },
      take: 500,
    });
    const contents = await this.teams.contentsOf(rows.map((row) => row.id));
    return rows.map((row) => ({
      team: toTeam(row),
      ...(contents.get(row.id) ?? { members: 0, resources: {} }),
    }));
  }
}
