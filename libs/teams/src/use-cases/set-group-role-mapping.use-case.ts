import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { appendEvents, inTransaction } from '@rollcall/db';
import { resolveRoleName } from '@rollcall/directory';
import { TeamsError } from '../domain/teams.error';
import { GroupRoleMappingEntity } from '../persistence/group-role-mapping.entity';
import { MappedGroupMembers } from './mapped-group.members';

/** Members of the group named `groupName` get `role` (unless their own roleName says otherwise). */
@Injectable()
export class SetGroupRoleMapping {
  constructor(
    private readonly dataSource: DataSource,
    private readonly members: MappedGroupMembers,
  ) {}

  execute(
    organizationId: string,
    groupName: unknown,
    role: unknown,
    actor: string,
  ): Promise<GroupRoleMappingEntity> {
    const name = typeof groupName === 'string' ? groupName.trim() : '';
    if (!name) throw new TeamsError('ROLE_MAPPING_INVALID', 'A group name is required.');
    const resolved = resolveRoleName(typeof role === 'string' ? role : '');
    if (!resolved) throw new TeamsError('ROLE_MAPPING_INVALID', 'A role is required.');
    return inTransaction(this.dataSource, async (manager) => {
      const mapping = Object.assign(new GroupRoleMappingEntity(), {
        organizationId,
        groupNameNormalized: name.toLowerCase(),
        groupName: name,
        role: resolved,
        createdAt: new Date(),
      });
      await this.members.tracking(
        manager,
        organizationId,
        mapping.groupNameNormalized,
        actor,
        async () => {
          await manager.delete(GroupRoleMappingEntity, {
            organizationId,
            groupNameNormalized: mapping.groupNameNormalized,
          });
          await manager.insert(GroupRoleMappingEntity, mapping);
        },
      );
      appendEvents(manager, [
        {
          organizationId,
          type: 'group_role_mapping.set',
          actor,
          subject: { type: 'group_role_mapping', id: mapping.groupNameNormalized },
          data: { groupName: name, role: resolved },
        },
      ]);
      return mapping;
    });
  }
}
