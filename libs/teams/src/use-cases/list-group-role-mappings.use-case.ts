import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { GroupRoleMappingEntity } from '../persistence/group-role-mapping.entity';

@Injectable()
export class ListGroupRoleMappings {
  constructor(private readonly dataSource: DataSource) {}

  execute(organizationId: string): Promise<GroupRoleMappingEntity[]> {
    return this.dataSource
      .getRepository(GroupRoleMappingEntity)
      .find({ where: { organizationId }, order: { groupName: 'ASC' } });
  }
}
