import { Injectable } from '@nestjs/common';
import { Transactions } from '@rollcall/db';
import { resolveRoleName } from '@rollcall/directory';
import type { GroupRoleMapping } from '../domain/group-role-mapping';
import { TeamsError } from '../domain/teams.error';
import { GroupRoleMappingStore } from '../persistence/group-role-mapping.store';
import { MappedGroupMembers } from './mapped-group.members';

/** Members of the group named `groupName` get `role` (unless their own roleName says otherwise). */
@Injectable()
export class SetGroupRoleMapping {
  constructor(
    private readonly transactions: Transactions,
    private readonly mappings: GroupRoleMappingStore,
    private readonly members: MappedGroupMembers,
  ) {}

  execute(
    organizationId: string,
    groupName: unknown,
    role: unknown,
    actor: string,
  ): Promise<GroupRoleMapping> {
    const name = typeof groupName === 'string' ? groupName.trim() : '';
    if (!name) throw new TeamsError('ROLE_MAPPING_INVALID', 'A group name is required.');
    const resolved = resolveRoleName(typeof role === 'string' ? role : '');
    if (!resolved) throw new TeamsError('ROLE_MAPPING_INVALID', 'A role is required.');
    return this.transactions.run(async (tx) => {
      const mapping: GroupRoleMapping = {
        organizationId,
        groupNameNormalized: name.toLowerCase(),
        groupName: name,
        role: resolved,
        createdAt: new Date(),
      };
      const roles = await this.members.watch(
        tx,
        organizationId,
        mapping.groupNameNormalized,
        actor,
      );
      await this.mappings.set(tx, mapping, actor, roles);
      return mapping;
    });
  }
}
