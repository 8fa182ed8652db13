import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { inTransaction } from '@rollcall/db';
import { GroupRoleMappingEntity } from '../persistence/group-role-mapping.entity';

@Injectable()
export class RemoveGroupRoleMapping {
  constructor(private readonly dataSource: DataSource) {}

  async execute(organizationId: string, groupName: string): Promise<void> {
    await inTransaction(this.dataSource, (manager) =>
      manager.delete(GroupRoleMappingEntity, {
        organizationId,
        groupNameNormalized: groupName.trim().toLowerCase(),
      }),
    );
  }
}
