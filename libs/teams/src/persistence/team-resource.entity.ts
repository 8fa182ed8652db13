import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'team_resources' })
export class TeamResourceEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'team_id', type: 'varchar', length: 36 })
  teamId!: string;

  @Column({ name: 'organization_id', type: 'varchar', length: 36 })
  organizationId!: string;

  @Column({ type: 'varchar', length: 32 })
  kind!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;
}
