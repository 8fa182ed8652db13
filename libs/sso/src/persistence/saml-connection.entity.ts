import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { SamlConfigurationSource } from '../domain/saml-connection';

/** An organization's SAML identity provider (at most one per org). */
@Entity({ name: 'saml_connections' })
export class SamlConnectionEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'organization_id', type: 'varchar', length: 36 })
  organizationId!: string;

  @Column({ type: 'varchar', length: 16 })
  source!: SamlConfigurationSource;

  @Column({ name: 'metadata_url', type: 'varchar', length: 2048, nullable: true })
  metadataUrl!: string | null;

  @Column({ name: 'idp_entity_id', type: 'varchar', length: 512 })
  idpEntityId!: string;

  @Column({ name: 'sso_url', type: 'varchar', length: 2048 })
  ssoUrl!: string;

  /** A JSON array of PEM certificates. */
  @Column({ type: 'text' })
  certificates!: string;

  @Column({ name: 'allow_sha1', type: 'boolean' })
  allowSha1!: boolean;

  @Column({ name: 'metadata_refreshed_at', type: Date, nullable: true })
  metadataRefreshedAt!: Date | null;

  @Column({ name: 'metadata_refresh_error', type: 'varchar', length: 500, nullable: true })
  metadataRefreshError!: string | null;

  @Column({ name: 'updated_by_admin_id', type: 'varchar', length: 36, nullable: true })
  updatedByAdminId!: string | null;

  @Column({ name: 'updated_by_email', type: 'varchar', length: 320 })
  updatedByEmail!: string;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: Date })
  updatedAt!: Date;
}
