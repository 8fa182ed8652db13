import { Injectable } from '@nestjs/common';
import { DataSource, In, IsNull, type EntityManager } from 'typeorm';
import { dialectOf, isUniqueViolation } from '@rollcall/db';
import { compileFilter, compileSortBy, type FilterNode } from '@rollcall/scim-core';
import type { TeamContents, TeamMember } from '../domain/team';
import { TeamsError } from '../domain/teams.error';
import { TeamMemberEntity } from './team-member.entity';
import { TeamResourceEntity } from './team-resource.entity';
import { TeamEntity } from './team.entity';
import { teamFilterTarget } from './team.filter-target';

/** Bounded statements: Entra sends hundreds of members per PATCH, a PUT may send thousands. */
const CHUNK = 500;

export function chunked<T>(items: readonly T[], size = CHUNK): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

export interface TeamPageQuery {
  filter?: FilterNode;
  startIndex: number;
  count: number;
  sortBy?: string;
  sortOrder: 'ascending' | 'descending';
}

interface MemberRow {
  userId: string;
  userName: string;
  displayName: string | null;
  active: boolean | number;
}

function toMember({ userId, userName, displayName, active }: MemberRow): TeamMember {
  return { userId, userName, displayName, active: Boolean(active) };
}

@Injectable()
export class TypeOrmTeamStore {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * A live team (not pending deletion) of the organization. Inside a transaction on
   * PostgreSQL the row is locked (SELECT … FOR UPDATE), so concurrent PATCHes of one group
   * (Entra sends them in parallel) apply one after the other instead of overwriting each
   * other's name, version or deletion. SQLite writers already take turns.
   */
  findLive(
    organizationId: string,
    id: string,
    manager?: EntityManager,
  ): Promise<TeamEntity | null> {
    return (manager ?? this.dataSource.manager).findOne(TeamEntity, {
      where: { organizationId, id, deletedAt: IsNull() },
      ...this.lockFor(manager),
    });
  }

  findAny(organizationId: string, id: string, manager?: EntityManager): Promise<TeamEntity | null> {
    return (manager ?? this.dataSource.manager).findOne(TeamEntity, {
      where: { organizationId, id },
      ...this.lockFor(manager),
    });
  }

  private lockFor(manager: EntityManager | undefined) {
    return manager && dialectOf(this.dataSource) === 'postgres'
      ? { lock: { mode: 'pessimistic_write' as const } }
      : {};
  }

  async page(
    organizationId: string,
    query: TeamPageQuery,
  ): Promise<{ total: number; teams: TeamEntity[] }> {
    const target = teamFilterTarget(dialectOf(this.dataSource));
    const qb = this.dataSource
      .getRepository(TeamEntity)
      .createQueryBuilder('t')
      .where('t.organization_id = :organizationId', { organizationId })
      .andWhere('t.deleted_at IS NULL');
    if (query.filter) {
      const compiled = compileFilter(query.filter, target);
      qb.andWhere(`(${compiled.where})`, compiled.params);
    }
    const total = await qb.getCount();
    if (query.count === 0 || total < query.startIndex) return { total, teams: [] };
    const sort = query.sortBy ? compileSortBy(query.sortBy, target) : 't.created_at';
    const teams = await qb
      .orderBy(sort, query.sortOrder === 'descending' ? 'DESC' : 'ASC')
      .addOrderBy('t.id', 'ASC')
      .offset(query.startIndex - 1)
      .limit(query.count)
      .getMany();
    return { total, teams };
  }

  async nameTaken(
    manager: EntityManager,
    organizationId: string,
    nameNormalized: string,
    exceptId?: string,
  ): Promise<boolean> {
    const found = await manager.findOne(TeamEntity, {
      select: { id: true },
      where: { organizationId, nameNormalized, deletedAt: IsNull() },
    });
    return found !== null && found.id !== exceptId;
  }

  async save(manager: EntityManager, team: TeamEntity, isNew: boolean): Promise<void> {
    try {
      if (isNew) await manager.insert(TeamEntity, team);
      else {
        const { id, organizationId, ...changes } = team;
        await manager.update(TeamEntity, { id, organizationId }, changes);
      }
    } catch (error) {
      if (isUniqueViolation(error)) throw teamNameTaken(team.name);
      throw error;
    }
  }

  /** Every id must be a user of this organization: another org's user is not found here. */
  async assertUsersInOrganization(
    manager: EntityManager,
    organizationId: string,
    userIds: readonly string[],
  ): Promise<void> {
    const wanted = [...new Set(userIds)];
    const found = new Set<string>();
    for (const ids of chunked(wanted)) {
      const rows = await manager
        .createQueryBuilder()
        .select('u.id', 'id')
        .from('users', 'u')
        .where('u.organization_id = :organizationId', { organizationId })
        .andWhere('u.id IN (:...ids)', { ids })
        .getRawMany<{ id: string }>();
      for (const row of rows) found.add(row.id);
    }
    const missing = wanted.filter((id) => !found.has(id));
    if (missing.length > 0) {
      throw new TeamsError(
        'MEMBER_NOT_IN_ORGANIZATION',
        `No user with id ${missing
          .slice(0, 5)
          .map((id) => `"${id}"`)
          .join(
            ', ',
          )}${missing.length > 5 ? ` (and ${missing.length - 5} more)` : ''} in this organization.`,
      );
    }
  }

  /** Adding a member twice is not an error (Entra retries): existing rows are kept. */
  async addMembers(manager: EntityManager, teamId: string, userIds: readonly string[], now: Date) {
    for (const ids of chunked([...new Set(userIds)])) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(TeamMemberEntity)
        .values(ids.map((userId) => ({ teamId, userId, createdAt: now })))
        .orIgnore()
        .execute();
    }
  }

  async removeMembers(manager: EntityManager, teamId: string, userIds: readonly string[]) {
    for (const ids of chunked([...new Set(userIds)])) {
      await manager.delete(TeamMemberEntity, { teamId, userId: In(ids) });
    }
  }

  async removeAllMembers(manager: EntityManager, teamId: string): Promise<void> {
    await manager.delete(TeamMemberEntity, { teamId });
  }

  /** Members in pages of `size`, by user id, so a 10,000-member team is never one array. */
  async *memberChunks(teamId: string, size = 1000): AsyncGenerator<TeamMember[]> {
    let after = '';
    for (;;) {
      const rows = await this.dataSource
        .createQueryBuilder()
        .select('tm.user_id', 'userId')
        .addSelect('u.user_name', 'userName')
        .addSelect('u.display_name', 'displayName')
        .addSelect('u.active', 'active')
        .from(TeamMemberEntity, 'tm')
        .innerJoin('users', 'u', 'u.id = tm.user_id')
        .where('tm.team_id = :teamId', { teamId })
        .andWhere('tm.user_id > :after', { after })
        .orderBy('tm.user_id', 'ASC')
        .limit(size)
        .getRawMany<MemberRow>();
      if (rows.length > 0) yield rows.map(toMember);
      if (rows.length < size) return;
      after = rows[rows.length - 1]?.userId ?? after;
    }
  }

  /** Members of several teams at once (a list page of groups with members). */
  async membersOf(teamIds: readonly string[]): Promise<Map<string, TeamMember[]>> {
    const byTeam = new Map<string, TeamMember[]>(teamIds.map((id) => [id, []]));
    for (const ids of chunked(teamIds)) {
      const rows = await this.dataSource
        .createQueryBuilder()
        .select('tm.team_id', 'teamId')
        .addSelect('tm.user_id', 'userId')
        .addSelect('u.user_name', 'userName')
        .addSelect('u.display_name', 'displayName')
        .addSelect('u.active', 'active')
        .from(TeamMemberEntity, 'tm')
        .innerJoin('users', 'u', 'u.id = tm.user_id')
        .where('tm.team_id IN (:...ids)', { ids })
        .orderBy('tm.user_id', 'ASC')
        .getRawMany<MemberRow & { teamId: string }>();
      for (const { teamId, ...member } of rows) byTeam.get(teamId)?.push(toMember(member));
    }
    return byTeam;
  }

  async contents(teamId: string): Promise<TeamContents> {
    return (await this.contentsOf([teamId])).get(teamId) ?? { members: 0, resources: {} };
  }

  /** Member and resource counts of several teams in two grouped queries. */
  async contentsOf(teamIds: readonly string[]): Promise<Map<string, TeamContents>> {
    const result = new Map<string, TeamContents>(
      teamIds.map((id) => [id, { members: 0, resources: {} }]),
    );
    for (const ids of chunked(teamIds)) {
      const members = await this.dataSource
        .createQueryBuilder()
        .select('tm.team_id', 'teamId')
        .addSelect('COUNT(*)', 'count')
        .from(TeamMemberEntity, 'tm')
        .where('tm.team_id IN (:...ids)', { ids })
        .groupBy('tm.team_id')
        .getRawMany<{ teamId: string; count: string | number }>();
      for (const row of members) {
        const entry = result.get(row.teamId);
        if (entry) entry.members = Number(row.count);
      }
      const resources = await this.dataSource
        .createQueryBuilder()
        .select('r.team_id', 'teamId')
        .addSelect('r.kind', 'kind')
        .addSelect('COUNT(*)', 'count')
        .from(TeamResourceEntity, 'r')
        .where('r.team_id IN (:...ids)', { ids })
        .groupBy('r.team_id')
        .addGroupBy('r.kind')
        .getRawMany<{ teamId: string; kind: string; count: string | number }>();
      for (const row of resources) {
        const entry = result.get(row.teamId);
        if (entry) entry.resources[row.kind] = Number(row.count);
      }
    }
    return result;
  }
}

export function teamNameTaken(name: string): TeamsError {
  return new TeamsError('TEAM_NAME_TAKEN', `A team named "${name}" already exists.`);
}

export function teamNotFound(id: string): TeamsError {
  return new TeamsError('TEAM_NOT_FOUND', `Group ${id} not found.`);
}
