import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { appendEvents, inTransaction } from '@rollcall/db';
import { GroupRoleMappingEntity } from '../persistence/group-role-mapping.entity';
import { MappedGroupMembers } from './mapped-group.members';

@Injectable()
export class RemoveGroupRoleMapping {
  constructor(
    private readonly dataSource: DataSource,
    private readonly members: MappedGroupMembers,
  ) {}

  async execute(organizationId: string, groupName: string, actor: string): Promise<void> {
    const groupNameNormalized = groupName.trim().toLowerCase();
    await inTransaction(this.dataSource, async (manager) => {
      const result = await this.members.tracking(
        manager,
        organizationId,
        groupNameNormalized,
        actor,
        () => manager.delete(GroupRoleMappingEntity, { organizationId, groupNameNormalized }),
      );
      // Removing a mapping that is not there changes nothing, and tells nothing.
      if (!result.affected) return;
      appendEvents(manager, [
        {
          organizationId,
          type: 'group_role_mapping.removed',
          actor,
          subject: { type: 'group_role_mapping', id: groupNameNormalized },
          data: { groupName: groupName.trim() },
        },
      ]);
    });
  }
}
