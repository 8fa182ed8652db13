import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { chunked } from '../persistence/typeorm-team.store';

export interface UserTeam {
  id: string;
  name: string;
}

/** The live teams of each user: the read-only SCIM User `groups` attribute, in one query. */
@Injectable()
export class ListTeamsOfUsers {
  constructor(private readonly dataSource: DataSource) {}

  async execute(
    organizationId: string,
    userIds: readonly string[],
  ): Promise<Map<string, UserTeam[]>> {
    const result = new Map<string, UserTeam[]>(userIds.map((id) => [id, []]));
    for (const ids of chunked(userIds)) {
      const rows = await this.dataSource
        .createQueryBuilder()
        .select('tm.user_id', 'userId')
        .addSelect('t.id', 'id')
        .addSelect('t.name', 'name')
        .from('team_members', 'tm')
        .innerJoin('teams', 't', 't.id = tm.team_id AND t.deleted_at IS NULL')
        .where('t.organization_id = :organizationId AND tm.user_id IN (:...ids)', {
          organizationId,
          ids,
        })
        .orderBy('t.name', 'ASC')
        .getRawMany<{ userId: string; id: string; name: string }>();
      for (const { userId, id, name } of rows) result.get(userId)?.push({ id, name });
    }
    return result;
  }
}
