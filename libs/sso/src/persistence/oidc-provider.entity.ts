import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An organization's custom OpenID Connect provider (at most one per org). */
@Entity({ name: 'oidc_providers' })
export class OidcProviderEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'organization_id', type: 'varchar', length: 36 })
  organizationId!: string;

  @Column({ name: 'display_name', type: 'varchar', length: 60 })
  displayName!: string;

  @Column({ type: 'varchar', length: 512 })
  issuer!: string;

  @Column({ name: 'client_id', type: 'varchar', length: 255 })
  clientId!: string;

  /** SecretBox-sealed with this row's id as context; never returned, never logged. */
  @Column({ name: 'client_secret_sealed', type: 'text' })
  clientSecretSealed!: string;

  @Column({ name: 'updated_by_admin_id', type: 'varchar', length: 36, nullable: true })
  updatedByAdminId!: string | null;

  /** Kept as text so the record survives the admin's removal. */
  @Column({ name: 'updated_by_email', type: 'varchar', length: 320 })
  updatedByEmail!: string;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: Date })
  updatedAt!: Date;
}
