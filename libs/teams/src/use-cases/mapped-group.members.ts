import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { SqlRunner, SqlStatement } from '@rollcall/db';
import { TypeOrmTeamStore } from '../persistence/typeorm-team.store';
import { EffectiveRoleChanges } from './effective-role.changes';

const LIVE_TEAM_NAMED = new SqlStatement(
  'SELECT id FROM teams WHERE organization_id = ? AND name_normalized = ? AND deleted_at IS NULL',
);

/** Setting or removing a group's role mapping moves the roles of that group's members. */
@Injectable()
export class MappedGroupMembers {
  private readonly sql: SqlRunner;

  constructor(
    dataSource: DataSource,
    private readonly teams: TypeOrmTeamStore,
    private readonly roleChanges: EffectiveRoleChanges,
  ) {
    this.sql = new SqlRunner(dataSource);
  }

  async tracking<T>(
    manager: EntityManager,
    organizationId: string,
    groupNameNormalized: string,
    actor: string,
    change: () => Promise<T>,
  ): Promise<T> {
    const rows = (await this.sql.run(manager, LIVE_TEAM_NAMED, [
      organizationId,
      groupNameNormalized,
    ])) as { id: string }[];
    const members = rows[0] ? await this.teams.memberIds(manager, rows[0].id) : [];
    return this.roleChanges.track(manager, organizationId, members, actor, change);
  }
}
