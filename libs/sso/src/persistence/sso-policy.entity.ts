import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An organization's sign-in rules; no row means the defaults (passwords allowed, JIT unset). */
@Entity({ name: 'sso_policies' })
export class SsoPolicyEntity {
  @PrimaryColumn({ name: 'organization_id', type: 'varchar', length: 36 })
  organizationId!: string;

  @Column({ name: 'require_sso', type: 'boolean' })
  requireSso!: boolean;

  /** null: the default (see effectiveJitProvisioning). */
  @Column({ name: 'jit_provisioning', type: 'boolean', nullable: true })
  jitProvisioning!: boolean | null;

  @Column({ name: 'updated_at', type: Date })
  updatedAt!: Date;
}
