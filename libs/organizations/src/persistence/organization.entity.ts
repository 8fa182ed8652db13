import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'organizations' })
export class OrganizationEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 100 })
  slug!: string;

  @Column({ name: 'scim_enabled', type: 'boolean' })
  scimEnabled!: boolean;

  /** How long a deleted team waits in pending deletion; 0 deletes at once. */
  @Column({ name: 'deleted_team_retention_days', type: 'integer' })
  deletedTeamRetentionDays!: number;

  @Column({ name: 'default_role', type: 'varchar', length: 32 })
  defaultRole!: string;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: Date })
  updatedAt!: Date;
}
