import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { TeamResourceEntity } from '../persistence/team-resource.entity';
import { TypeOrmTeamStore, teamNotFound } from '../persistence/typeorm-team.store';

@Injectable()
export class ListTeamResources {
  constructor(
    private readonly dataSource: DataSource,
    private readonly teams: TypeOrmTeamStore,
  ) {}

  /** A team's resources (also while it is pending deletion, to show what would be lost). */
  async execute(organizationId: string, teamId: string): Promise<TeamResourceEntity[]> {
    if (!(await this.teams.findAny(organizationId, teamId))) throw teamNotFound(teamId);
    return this.dataSource.getRepository(TeamResourceEntity).find({
      where: { organizationId, teamId },
      order: { kind: 'ASC', name: 'ASC' },
    });
  }
}
