import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import type { Team, TeamContents } from '../domain/team';
import { TeamEntity } from '../persistence/team.entity';
import { toTeam } from '../persistence/team.mapper';
import { TypeOrmTeamStore } from '../persistence/typeorm-team.store';

export interface TeamSummary extends TeamContents {
  team: Team;
}

/** The dashboard's team list: live teams by name, with member and resource counts. */
@Injectable()
export class ListOrganizationTeams {
  constructor(
    private readonly dataSource: DataSource,
    private readonly teams: TypeOrmTeamStore,
  ) {}

  async execute(organizationId: string, search?: string): Promise<TeamSummary[]> {
    const qb = this.dataSource
      .getRepository(TeamEntity)
      .createQueryBuilder('t')
      .where({ organizationId, deletedAt: IsNull() })
      .orderBy('t.name_normalized', 'ASC')
      .limit(1000);
    if (search?.trim()) {
      const pattern = `%${search
        .trim()
        .toLowerCase()
        .replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere("t.name_normalized LIKE :pattern ESCAPE '\\'", { pattern });
    }
    const rows = await qb.getMany();
    const contents = await this.teams.contentsOf(rows.map((row) => row.id));
    return rows.map((row) => ({
      team: toTeam(row),
      ...(contents.get(row.id) ?? { members: 0, resources: {} }),
    }));
  }
}
