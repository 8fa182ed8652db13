import { Injectable } from '@nestjs/common';
import { DirectoryError } from '../domain/directory.error';
import type { DirectoryUser } from '../domain/directory-user';
import { TypeOrmUserStore } from '../persistence/typeorm-user.store';

export function userNotFound(id: string): DirectoryError {
  return new DirectoryError('USER_NOT_FOUND', `User ${id} not found.`);
}

@Injectable()
export class GetUser {
  constructor(private readonly users: TypeOrmUserStore) {}

  /** A user of this organization; another organization's id is simply not found. */
  async execute(organizationId: string, id: string): Promise<DirectoryUser> {
    const user = await this.users.findById(organizationId, id);
    if (!user) throw userNotFound(id);
    return user;
  }
}
