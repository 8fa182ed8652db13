import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { inTransaction } from '@rollcall/db';
import { TeamsError } from '../domain/teams.error';
import { TeamResourceEntity } from '../persistence/team-resource.entity';

@Injectable()
export class DeleteTeamResource {
  constructor(private readonly dataSource: DataSource) {}

  async execute(organizationId: string, teamId: string, resourceId: string): Promise<void> {
    const result = await inTransaction(this.dataSource, (manager) =>
      manager.delete(TeamResourceEntity, { id: resourceId, teamId, organizationId }),
    );
    if (!result.affected)
      throw new TeamsError('RESOURCE_NOT_FOUND', 'No such resource in this team.');
  }
}
