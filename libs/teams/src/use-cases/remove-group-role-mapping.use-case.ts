import { Injectable } from '@nestjs/common';
import { Transactions } from '@rollcall/db';
import { GroupRoleMappingStore } from '../persistence/group-role-mapping.store';
import { MappedGroupMembers } from './mapped-group.members';

@Injectable()
export class RemoveGroupRoleMapping {
  constructor(
    private readonly transactions: Transactions,
    private readonly mappings: GroupRoleMappingStore,
    private readonly members: MappedGroupMembers,
  ) {}

  /** Removing a mapping that is not there changes nothing, and tells nothing. */
  async execute(organizationId: string, groupName: string, actor: string): Promise<void> {
    const name = groupName.trim();
    await this.transactions.run(async (tx) => {
      const roles = await this.members.watch(tx, organizationId, name.toLowerCase(), actor);
      await this.mappings.remove(tx, organizationId, name, actor, roles);
    });
  }
}
