import { Column, Entity, PrimaryColumn } from 'typeorm';

/** "Members of the group named X get role Y", matched case-insensitively on the name. */
@Entity({ name: 'group_role_mappings' })
export class GroupRoleMappingEntity {
  @PrimaryColumn({ name: 'organization_id', type: 'varchar', length: 36 })
  organizationId!: string;

  @PrimaryColumn({ name: 'group_name_normalized', type: 'text' })
  groupNameNormalized!: string;

  @Column({ name: 'group_name', type: 'text' })
  groupName!: string;

  @Column({ type: 'varchar', length: 32 })
  role!: string;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;
}
