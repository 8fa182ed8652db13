import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { dialectOf, isUniqueViolation } from '@rollcall/db';
import { compileFilter, compileSortBy, type FilterNode } from '@rollcall/scim-core';
import { DirectoryError } from '../domain/directory.error';
import { UserEntity } from './user.entity';
import { userFilterTargetFor } from './user.filter-target';

export interface UserPageQuery {
  filter?: FilterNode;
  /** 1-based, as in SCIM. */
  startIndex: number;
  /** 0 asks for the total only. */
  count: number;
  sortBy?: string;
  sortOrder: 'ascending' | 'descending';
}

export interface UserPage {
  total: number;
  users: UserEntity[];
}

/** Users of one organization in SQL: SCIM filters and sorts compile to the WHERE/ORDER BY. */
@Injectable()
export class TypeOrmUserStore {
  constructor(private readonly dataSource: DataSource) {}

  findById(
    organizationId: string,
    id: string,
    manager?: EntityManager,
  ): Promise<UserEntity | null> {
    return (manager ?? this.dataSource.manager).findOne(UserEntity, {
      where: { organizationId, id },
    });
  }

  /**
   * The user, locked for the rest of the transaction on PostgreSQL (SELECT … FOR UPDATE):
   * PATCH, PUT and DELETE of one user then apply one after the other, so a racing
   * `active: false` is never overwritten by a write that read the document before it.
   * SQLite writers already take turns (one write transaction at a time).
   */
  findForUpdate(
    manager: EntityManager,
    organizationId: string,
    id: string,
  ): Promise<UserEntity | null> {
    return manager.findOne(UserEntity, {
      where: { organizationId, id },
      ...(dialectOf(this.dataSource) === 'postgres'
        ? { lock: { mode: 'pessimistic_write' as const } }
        : {}),
    });
  }

  async page(organizationId: string, query: UserPageQuery): Promise<UserPage> {
    const target = userFilterTargetFor(dialectOf(this.dataSource));
    const qb = this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .where('u.organization_id = :organizationId', { organizationId });
    if (query.filter) {
      const compiled = compileFilter(query.filter, target);
      qb.andWhere(`(${compiled.where})`, compiled.params);
    }
    const total = await qb.getCount();
    if (query.count === 0 || total < query.startIndex) return { total, users: [] };
    const direction = query.sortOrder === 'descending' ? 'DESC' : 'ASC';
    // Creation order by default, with the id as tie-breaker, so pages never overlap.
    const sort = query.sortBy ? compileSortBy(query.sortBy, target) : 'u.created_at';
    const users = await qb
      .orderBy(sort, direction)
      .addOrderBy('u.id', 'ASC')
      .offset(query.startIndex - 1)
      .limit(query.count)
      .getMany();
    return { total, users };
  }

  async userNameTaken(
    manager: EntityManager,
    organizationId: string,
    userNameNormalized: string,
    exceptId?: string,
  ): Promise<boolean> {
    const found = await manager.findOne(UserEntity, {
      select: { id: true },
      where: { organizationId, userNameNormalized },
    });
    return found !== null && found.id !== exceptId;
  }

  async insert(manager: EntityManager, user: UserEntity): Promise<void> {
    await this.translateUniqueViolation(user, () => manager.insert(UserEntity, asColumns(user)));
  }

  async update(manager: EntityManager, user: UserEntity): Promise<void> {
    const { id, organizationId, ...changes } = user;
    await this.translateUniqueViolation(user, () =>
      manager.update(UserEntity, { id, organizationId }, asColumns(changes)),
    );
  }

  async delete(manager: EntityManager, organizationId: string, id: string): Promise<boolean> {
    const result = await manager.delete(UserEntity, { organizationId, id });
    return (result.affected ?? 0) > 0;
  }

  /** Two concurrent creates on PostgreSQL can both pass the check; the index decides. */
  private async translateUniqueViolation(user: UserEntity, write: () => Promise<unknown>) {
    try {
      await write();
    } catch (error) {
      if (isUniqueViolation(error)) throw userNameTaken(user.userName);
      throw error;
    }
  }
}

// TypeORM's deep-partial type cannot see through an open JSON record; the row is complete.
function asColumns(row: Partial<UserEntity>): QueryDeepPartialEntity<UserEntity> {
  return row as QueryDeepPartialEntity<UserEntity>;
}

export function userNameTaken(userName: string): DirectoryError {
  return new DirectoryError(
    'USER_NAME_TAKEN',
    `A user with userName "${userName}" already exists.`,
  );
}
