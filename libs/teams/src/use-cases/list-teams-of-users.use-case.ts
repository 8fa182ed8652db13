import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SqlStatement, dialectOf, inIdList, sqlValues, type SqlValues } from '@rollcall/db';
import { chunked } from '../persistence/typeorm-team.store';

export interface UserTeam {
  id: string;
  name: string;
}

/** The live teams of each user: the read-only SCIM User `groups` attribute, in one query. */
@Injectable()
export class ListTeamsOfUsers {
  private readonly sql: string;
  private readonly values: SqlValues;

  constructor(private readonly dataSource: DataSource) {
    const dialect = dialectOf(dataSource);
    this.values = sqlValues(dialect);
    this.sql = new SqlStatement(
      `SELECT tm.user_id, t.id, t.name FROM team_members tm JOIN teams t ON t.id = tm.team_id AND t.deleted_at IS NULL WHERE t.organization_id = ? AND ${inIdList('tm.user_id', dialect)} ORDER BY t.name`,
    ).text(dialect);
  }

  async execute(
    organizationId: string,
    userIds: readonly string[],
  ): Promise<Map<string, UserTeam[]>> {
    const result = new Map<string, UserTeam[]>(userIds.map((id) => [id, []]));
    for (const ids of chunked(userIds)) {
      const rows = (await this.dataSource.query(this.sql, [
        organizationId,
        this.values.idList(ids),
      ])) as { user_id: string; id: string; name: string }[];
      for (const { user_id: userId, id, name } of rows) result.get(userId)?.push({ id, name });
    }
    return result;
  }
}
