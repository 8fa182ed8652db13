import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'provisioning_log' })
export class ProvisioningLogEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'organization_id', type: 'varchar', length: 36 })
  organizationId!: string;

  @Column({ name: 'token_prefix', type: 'varchar', length: 16, nullable: true })
  tokenPrefix!: string | null;

  @Column({ name: 'request_id', type: 'varchar', length: 64, nullable: true })
  requestId!: string | null;

  @Column({ type: 'varchar', length: 10 })
  method!: string;

  @Column({ type: 'text' })
  path!: string;

  @Column({ type: 'text', nullable: true })
  filter!: string | null;

  @Column({ type: 'integer' })
  status!: number;

  @Column({ name: 'scim_type', type: 'varchar', length: 32, nullable: true })
  scimType!: string | null;

  @Column({ type: 'text', nullable: true })
  detail!: string | null;

  @Column({ name: 'resource_type', type: 'varchar', length: 16, nullable: true })
  resourceType!: string | null;

  @Column({ name: 'resource_id', type: 'varchar', length: 64, nullable: true })
  resourceId!: string | null;

  @Column({ name: 'duration_ms', type: 'integer' })
  durationMs!: number;

  @Column({ name: 'request_body', type: 'text', nullable: true })
  requestBody!: string | null;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;
}
