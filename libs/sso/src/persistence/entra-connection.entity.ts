import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The Microsoft Entra tenant an organization connected for Sign in with Microsoft. */
@Entity({ name: 'entra_connections' })
export class EntraConnectionEntity {
  @PrimaryColumn({ name: 'organization_id', type: 'varchar', length: 36 })
  organizationId!: string;

  /** Entra's `tid`; unique across organizations. */
  @Column({ name: 'tenant_id', type: 'varchar', length: 36 })
  tenantId!: string;

  @Column({ name: 'connected_by_admin_id', type: 'varchar', length: 36, nullable: true })
  connectedByAdminId!: string | null;

  /** Kept as text so the record survives the admin's removal. */
  @Column({ name: 'connected_by_email', type: 'varchar', length: 320 })
  connectedByEmail!: string;

  @Column({ name: 'connected_at', type: Date })
  connectedAt!: Date;
}
