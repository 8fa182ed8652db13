import { Injectable } from '@nestjs/common';
import type { GroupRoleMapping } from '../domain/group-role-mapping';
import { GroupRoleMappingStore } from '../persistence/group-role-mapping.store';

@Injectable()
export class ListGroupRoleMappings {
  constructor(private readonly mappings: GroupRoleMappingStore) {}

  execute(organizationId: string): Promise<GroupRoleMapping[]> {
    return this.mappings.list(organizationId);
  }
}
